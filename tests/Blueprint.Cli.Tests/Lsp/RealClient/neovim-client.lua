-- Drives `blueprint lsp` through Neovim's own LSP client (the 0.7 API: vim.lsp.start_client and
-- vim.lsp.buf_attach_client, still there in later versions), headless, and writes what the editor saw to a JSON report.
-- The test that runs it (NeovimClientTests.cs) makes the plan and checks the report; this script only drives and observes.
--
--   nvim --headless --clean -n -c "luafile neovim-client.lua" with BLUEPRINT_LSP_PLAN=plan.json
--
-- plan.json: { "cmd": [...], "root": folder, "report": file, "timeout_ms": n,
--   "files": [ { "path", "filetype", "definition": At, "completion": At, "fix": { "line", "find", "replace" } } ] }
-- The fix here is the server's quick fix for the broken id `find` (the Node client types `replace` over it instead).
-- At: { "line": 0-based line, "after": text on that line } puts the cursor just after that text.

local report = { files = {} }

local function read_plan()
  local file = assert(io.open(assert(os.getenv('BLUEPRINT_LSP_PLAN'), 'BLUEPRINT_LSP_PLAN is not set'), 'r'))
  local plan = vim.json.decode(file:read('*a'))
  file:close()
  return plan
end

local function write_report(path)
  local file = assert(io.open(path, 'w'))
  file:write(vim.json.encode(report))
  file:close()
end

-- The byte column where `text` starts on line `line` of the buffer.
local function column(buf, line, text)
  local content = vim.api.nvim_buf_get_lines(buf, line, line + 1, true)[1]
  local start = content:find(text, 1, true)
  assert(start, string.format('%q is not on line %d: %q', text, line, content))
  return start - 1
end

-- The cursor just after `at.after` on line `at.line`, as (1-based row, byte column).
local function cursor_after(buf, at)
  return { at.line + 1, column(buf, at.line, at.after) + #at.after }
end

-- The diagnostics Neovim holds for the buffer, as its diagnostic module stores them (0-based line, byte columns).
local function diagnostics(buf)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen, {
      code = d.code, source = d.source, message = d.message, severity = d.severity,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  return seen
end

local function wait(plan, what, condition)
  assert(vim.wait(plan.timeout_ms, condition, 20), 'timed out waiting for ' .. what)
end

local function drive(plan)
  local client_id = assert(vim.lsp.start_client({
    name = 'blueprint',
    cmd = plan.cmd,
    root_dir = plan.root,
    flags = { debounce_text_changes = 50 },
  }), 'vim.lsp.start_client gave no client')
  local client = vim.lsp.get_client_by_id(client_id)

  for _, spec in ipairs(plan.files) do
    local seen = { path = spec.path }
    table.insert(report.files, seen)
    vim.cmd('edit ' .. vim.fn.fnameescape(spec.path))
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].filetype = spec.filetype
    assert(vim.lsp.buf_attach_client(buf, client_id), 'vim.lsp.buf_attach_client failed')

    wait(plan, 'the first diagnostics of ' .. spec.path, function() return #vim.diagnostic.get(buf) > 0 end)
    seen.diagnostics = diagnostics(buf)
    report.server = client.server_capabilities or client.resolved_capabilities

    -- Go to definition as `gd` does: the cursor on the reference, vim.lsp.buf.definition, and the jump it makes.
    local from = cursor_after(buf, spec.definition)
    vim.api.nvim_win_set_cursor(0, from)
    vim.lsp.buf.definition()
    local moved = vim.wait(plan.timeout_ms, function() return not vim.deep_equal(vim.api.nvim_win_get_cursor(0), from) end, 20)
    local cursor = vim.api.nvim_win_get_cursor(0)
    seen.definition = {
      moved = moved, line = cursor[1] - 1, col = cursor[2],
      text = vim.api.nvim_buf_get_lines(buf, cursor[1] - 1, cursor[1], true)[1],
    }

    -- Completion as the client asks for it at the cursor (its own UTF-16 position), the labels it got back.
    if spec.completion and not (client.server_capabilities or client.resolved_capabilities).completionProvider then
      seen.completion = { labels = {}, error = { message = 'the server offers no completionProvider' } }
    elseif spec.completion then
      vim.api.nvim_win_set_cursor(0, cursor_after(buf, spec.completion))
      local answers, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion', vim.lsp.util.make_position_params(), plan.timeout_ms)
      local answer = answers and answers[client_id] or { error = { message = tostring(err) } }
      local items = answer.result and (answer.result.items or answer.result) or {}
      seen.completion = { labels = vim.tbl_map(function(item) return item.label end, items), error = answer.error }
    end

    -- The quick fix, as `<leader>ca` gets it: code actions asked for at the cursor on the broken id, the preferred
    -- one's edit applied to the buffer. The client sends that change (incremental); the diagnostics must clear.
    local fix = spec.fix
    vim.api.nvim_win_set_cursor(0, { fix.line + 1, column(buf, fix.line, fix.find) })
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = {}, only = { 'quickfix' } }
    local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, plan.timeout_ms) or {}
    local actions = answers[client_id] and answers[client_id].result or {}
    seen.actions = vim.tbl_map(function(action) return action.title end, actions)
    local chosen = vim.tbl_filter(function(action) return action.isPreferred end, actions)[1] or actions[1]
    assert(chosen and chosen.edit, 'no quick fix with an edit on line ' .. fix.line)
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    seen.fixed_line = vim.api.nvim_buf_get_lines(buf, fix.line, fix.line + 1, true)[1]
    wait(plan, 'the diagnostics of ' .. spec.path .. ' to clear', function() return #vim.diagnostic.get(buf) == 0 end)
    seen.fixed = diagnostics(buf)
  end

  client.stop()
  wait(plan, 'the server to stop', function() return client.is_stopped() end)
end

local ok, plan = pcall(read_plan)
if not ok then
  io.stderr:write('neovim-client.lua: ' .. tostring(plan) .. '\n')
  vim.cmd('cquit 2')
end
local done, err = xpcall(drive, debug.traceback, plan)
if not done then report.error = err end
write_report(plan.report)
vim.cmd(done and 'qall!' or 'cquit 1')
