-- Run after Neovim started with the Neovim 0.7 setup of docs/editors.md as its init file and a broken blueprint as
-- its first file (see EditorSnippetTests.cs): writes what that setup did to the JSON file $BLUEPRINT_SNIPPET_REPORT.
local report = {}
local function clients(buf)
  return vim.lsp.get_clients and #vim.lsp.get_clients({ bufnr = buf }) or #vim.tbl_keys(vim.lsp.buf_get_clients(buf))
end
local blueprint = vim.api.nvim_get_current_buf()
report.diagnosed = vim.wait(30000, function() return #vim.diagnostic.get(blueprint) > 0 end, 20)
local first = vim.diagnostic.get(blueprint)[1]
if first then
  report.code = first.code
  -- The line the setup's vim.diagnostic.config shows as virtual text.
  local format = vim.diagnostic.config().virtual_text.format
  report.virtual_text = format and format(first) or first.message
end
report.clients = clients(blueprint)
report.gd = vim.fn.maparg('gd', 'n') ~= ''
report.omnifunc = vim.bo[blueprint].omnifunc

-- Another YAML file: the setup must not start or attach the server for it.
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('BLUEPRINT_OTHER_YAML')))
report.other_clients = clients(vim.api.nvim_get_current_buf())

local file = assert(io.open(os.getenv('BLUEPRINT_SNIPPET_REPORT'), 'w'))
file:write(vim.json.encode(report))
file:close()
vim.cmd('qall!')
