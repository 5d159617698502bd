using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Core.Schema;
using Blueprint.Core.Writing;

namespace Blueprint.Core.Tests;

/// <summary><c>lang:</c> (SPEC 6.2): reading and checking it, Markdown labels in the blueprint's language, writing it back.</summary>
public class LanguageTests
{
    private static string Yaml(string lang) => $"""
        blueprint: Diner
        goal: Minder wachten
        scenario: Een stel dineert.
        lang: {lang}
        scenes:
          - scene: Aankomst
            steps:
              - step: Binnenkomen
                customer: Noemt de naam
                frontstage: Begroet de gasten
        """;

    /// <summary>The same blueprint as <see cref="DutchMarkdown"/>, in YAML.</summary>
    private const string DutchYaml = """
        blueprint: Diner
        goal: Minder wachten
        scenario: Een stel dineert.
        lang: nl
        scenes:
          - scene: Aankomst
            steps:
              - step: Binnenkomen
                duration: 3m
                evidence: Bord bij de deur
                customer: Noemt de naam
                touchpoint: Gastheerbalie
                frontstage: { id: begroeten, text: Begroet de gasten, to: [opzoeken] }
                backstage: { id: opzoeken, text: Zoekt de reservering op, owner: Gastheer, fail: Reservering kwijt, to: [systeem] }
                support: { id: systeem, text: Reserveringssysteem }
                wait: Rij bij de deur
                pain: Niemand komt
                emotion: -1
                metrics: [Wachttijd]
                policy: Altijd begroeten
                note: Vrijdag is druk
        """;

    /// <summary>Dutch labels, long (`Acties van klanten`) and short (`Klant`), for lanes, step keys and card keys.</summary>
    private const string DutchMarkdown = """
        ---
        goal: Minder wachten
        lang: nl
        ---
        # Diner

        Een stel dineert.

        ## Aankomst

        ### Binnenkomen

        - Duur: 3m
        - Fysiek bewijs: Bord bij de deur
        - Klant: Noemt de naam
        - Touchpoints: Gastheerbalie
        - Frontstage acties: Begroet de gasten {#begroeten} -> [](#opzoeken)
        - Backstage acties: Zoekt de reservering op {#opzoeken} -> [](#systeem)
          - Eigenaar: Gastheer
          - Faalpunt: Reservering kwijt
        - Ondersteunende processen: Reserveringssysteem {#systeem}
        - Wachtpunt: Rij bij de deur
        - Pijnpunt: Niemand komt
        - Emotie: -1
        - Metrieken: Wachttijd
        - Beleid: Altijd begroeten
        - Notitie: Vrijdag is druk
        """;

    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("NL", "nl")]
    [InlineData("nl-be", "nl-BE")]
    [InlineData("de-CH", "de-CH")]
    [InlineData("es-419", "es-419")]
    [InlineData("en", "en")]
    [InlineData("fr", "fr")]
    public void A_supported_language_is_read_as_its_tag(string written, string tag)
    {
        var read = YamlReader.Read("t.blueprint.yaml", Yaml(written));

        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(tag, read.Document!.Lang);
        Assert.Equal(tag[..2], read.Document.Vocabulary.Code);
    }

    [Fact]
    public void Without_lang_the_words_are_english()
    {
        var doc = YamlReader.Read("t.blueprint.yaml", Yaml("en").Replace("lang: en\n", "", StringComparison.Ordinal)).Document!;

        Assert.Null(doc.Lang);
        Assert.Same(Languages.English, doc.Vocabulary);
    }

    [Theory]
    [InlineData("xx", "language `xx` is not supported; write one of en, nl, de, fr, es")]
    [InlineData("dutch", "`dutch` is not a language tag; write a BCP 47 tag such as `nl` or `nl-BE` (supported: en, nl, de, fr, es); did you mean `nl`?")]
    [InlineData("Deutsch", "(supported: en, nl, de, fr, es); did you mean `de`?")]
    [InlineData("espanol", "did you mean `es`?")]
    [InlineData("français", "did you mean `fr`?")]
    [InlineData("ln", "language `ln` is not supported; write one of en, nl, de, fr, es; did you mean `nl`?")]
    [InlineData("nld", "language `nld` is not supported; write one of en, nl, de, fr, es; did you mean `nl`?")]
    public void An_unknown_language_is_BP003_with_the_supported_list_and_a_suggestion(string written, string message)
    {
        var read = YamlReader.Read("t.blueprint.yaml", Yaml(written));

        var error = Assert.Single(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("BP003", error.Id);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((4, 7), (error.Location.Line, error.Location.Column));
        Assert.Null(read.Document!.Lang);
    }

    [Fact]
    public void A_language_that_is_not_text_is_BP003()
    {
        var read = YamlReader.Read("t.blueprint.yaml", Yaml("[nl, de]"));

        var error = Assert.Single(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("BP003", error.Id);
        Assert.Contains("`lang` takes text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dutch_markdown_labels_give_the_same_model_as_yaml()
    {
        var markdown = MarkdownReader.Read("t.blueprint.md", DutchMarkdown);
        var yaml = YamlReader.Read("t.blueprint.yaml", DutchYaml);

        Assert.Empty(markdown.Diagnostics);
        Assert.DoesNotContain(yaml.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(ModelJson.Write(yaml.Document!), ModelJson.Write(markdown.Document!));
    }

    [Theory]
    [InlineData("Acties van klanten", Lane.Customer)]
    [InlineData("Klant", Lane.Customer)]
    [InlineData("klantacties", Lane.Customer)]
    [InlineData("Customer", Lane.Customer)]
    [InlineData("Customer actions", Lane.Customer)]
    [InlineData("Fysiek bewijs", Lane.Evidence)]
    [InlineData("Kanaal", Lane.Touchpoint)]
    [InlineData("Frontstage   acties", Lane.Frontstage)]
    [InlineData("Backstage acties", Lane.Backstage)]
    [InlineData("Ondersteunende processen", Lane.Support)]
    [InlineData("Ondersteuning", Lane.Support)]
    public void A_dutch_blueprint_takes_dutch_and_english_lane_labels(string label, string laneId)
    {
        var read = MarkdownReader.Read("t.blueprint.md", $"""
            ---
            lang: nl
            ---
            # Diner

            ## Aankomst

            ### Binnenkomen

            - {label}: Iets
            """);

        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(laneId, Assert.Single(read.Document!.Steps.Single().Cards).LaneId);
    }

    [Fact]
    public void Dutch_labels_in_a_table_scene_are_lanes_too()
    {
        var read = MarkdownReader.Read("t.blueprint.md", """
            ---
            lang: nl
            ---
            # Diner

            ## Aankomst

            | | Binnenkomen | Plaatsnemen |
            |---|---|---|
            | Acties van klanten | Noemt de naam | Loopt mee |
            | Frontstage acties | Begroet | Wijst de tafel |
            | Duur | 3m | 2m |
            """);

        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        var steps = read.Document!.Steps.ToList();
        Assert.Equal([Lane.Customer, Lane.Frontstage], steps[0].Cards.Select(c => c.LaneId));
        Assert.Equal(TimeSpan.FromMinutes(2), steps[1].Duration);
    }

    [Fact]
    public void Dutch_labels_are_unknown_in_an_english_blueprint()
    {
        var read = MarkdownReader.Read("t.blueprint.md", """
            # Dinner

            ## Arrival

            ### Enter

            - Klant: Gives their name
            """);

        var error = Assert.Single(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("BP002", error.Id);
        Assert.StartsWith("unknown label `Klant`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_dutch_label_suggests_the_dutch_one()
    {
        var read = MarkdownReader.Read("t.blueprint.md", """
            ---
            lang: nl
            ---
            # Diner

            ## Aankomst

            ### Binnenkomen

            - Klant: Noemt de naam
            - Wachtpnt: Rij bij de deur
              - Eigenar: Gastheer
            """);

        var error = Assert.Single(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("unknown label `Wachtpnt`; did you mean `Wachtpunt`?", error.Message);
    }

    [Fact]
    public void A_misspelt_dutch_card_key_suggests_the_dutch_one()
    {
        var read = MarkdownReader.Read("t.blueprint.md", """
            ---
            lang: nl
            ---
            # Diner

            ## Aankomst

            ### Binnenkomen

            - Klant: Noemt de naam
              - Eigenar: Gastheer
            """);

        var error = Assert.Single(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("unknown card key `Eigenar`; did you mean `Eigenaar`?", error.Message);
    }

    [Theory]
    [InlineData("de", "- Kunde: Nennt den Namen", Lane.Customer)]
    [InlineData("de", "- Unterstützungsprozesse: System", Lane.Support)]
    [InlineData("fr", "- Actions du client: Donne son nom", Lane.Customer)]
    [InlineData("fr", "- Points de contact: Accueil", Lane.Touchpoint)]
    [InlineData("es", "- Acciones tras bastidores: Busca la reserva", Lane.Backstage)]
    [InlineData("es", "- Cliente: Da su nombre", Lane.Customer)]
    public void Each_language_takes_its_own_lane_names(string lang, string item, string laneId)
    {
        var read = MarkdownReader.Read("t.blueprint.md", $"---\nlang: {lang}\n---\n# T\n\n## S\n\n### A\n\n{item}\n");

        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(laneId, Assert.Single(read.Document!.Steps.Single().Cards).LaneId);
    }

    [Fact]
    public void Markdown_is_written_with_the_blueprints_labels_and_reads_back_the_same()
    {
        var doc = YamlReader.Read("t.blueprint.yaml", DutchYaml).Document!;

        string markdown = MarkdownWriter.Write(doc);

        Assert.Contains("lang: nl\n", markdown, StringComparison.Ordinal);
        foreach (var line in new[] { "- Duur: 3m", "- Bewijs: Bord bij de deur", "- Klant: Noemt de naam", "- Touchpoint: Gastheerbalie",
                     "- Frontstage: Begroet de gasten", "- Backstage: Zoekt de reservering op", "  - Eigenaar: Gastheer", "  - Faalpunt: Reservering kwijt",
                     "- Ondersteuning: Reserveringssysteem", "- Wachtpunt: Rij bij de deur", "- Pijnpunt: Niemand komt", "- Emotie: -1",
                     "- Metrieken: Wachttijd", "- Beleid: Altijd begroeten", "- Notitie: Vrijdag is druk" })
            Assert.Contains("\n" + line, markdown, StringComparison.Ordinal);
        var again = MarkdownReader.Read("t.blueprint.md", markdown);
        Assert.Empty(again.Diagnostics);
        Assert.Equal(ModelJson.Write(doc), ModelJson.Write(again.Document!));
    }

    [Theory]
    [InlineData("nl-BE")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    public void Convert_keeps_the_language_both_ways(string lang)
    {
        var toMarkdown = BlueprintConverter.Convert("t.blueprint.yaml", Yaml(lang), SourceFormat.Markdown);
        Assert.NotNull(toMarkdown.Text);
        var back = BlueprintConverter.Convert("t.blueprint.md", toMarkdown.Text, SourceFormat.Yaml);
        Assert.NotNull(back.Text);

        Assert.Contains($"\nlang: {lang}\n", toMarkdown.Text, StringComparison.Ordinal);
        Assert.Contains($"\nlang: {lang}\n", back.Text, StringComparison.Ordinal);
        Assert.Equal(lang, YamlReader.Read("t.blueprint.yaml", back.Text).Document!.Lang);
    }

    [Fact]
    public void The_model_json_names_the_language_only_when_given()
    {
        Assert.Contains("\"lang\": \"nl\"", ModelJson.Write(YamlReader.Read("t.blueprint.yaml", Yaml("nl")).Document!), StringComparison.Ordinal);
        Assert.DoesNotContain("\"lang\"", ModelJson.Write(YamlReader.Read("t.blueprint.yaml", Yaml("nl").Replace("lang: nl\n", "", StringComparison.Ordinal)).Document!), StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_lists_lang_with_the_supported_languages()
    {
        var lang = System.Text.Json.Nodes.JsonNode.Parse(BlueprintSchema.Json())!["properties"]!["lang"]!;

        Assert.Equal(["en", "nl", "de", "fr", "es"], lang["examples"]!.AsArray().Select(n => n!.GetValue<string>()));
        var pattern = new System.Text.RegularExpressions.Regex(lang["pattern"]!.GetValue<string>());
        Assert.Matches(pattern, "nl");
        Assert.Matches(pattern, "NL-be");
        Assert.DoesNotMatch(pattern, "xx");
        Assert.DoesNotMatch(pattern, "dutch");
    }

    [Fact]
    public void The_dutch_words_are_the_ones_of_the_dutch_practice()
    {
        var nl = Languages.Dutch;

        // SPEC 6.2, word for word.
        Assert.Equal(["Fysiek bewijs", "Acties van klanten", "Touchpoints", "Frontstage acties", "Backstage acties", "Ondersteunende processen"],
            Lane.StandardIds.Select(nl.LaneName));
        Assert.Equal(["Lijn van interactie", "Lijn van zichtbaarheid", "Lijn van interne interactie"],
            [nl.LineOfInteraction, nl.LineOfVisibility, nl.LineOfInternalInteraction]);
    }

    [Fact]
    public void Every_language_has_every_word_and_no_label_names_two_things()
    {
        foreach (var v in Languages.All)
        {
            Assert.All(Lane.StandardIds, id => Assert.False(string.IsNullOrWhiteSpace(v.LaneName(id)), $"{v.Code} {id}"));
            Assert.Equal(Keys.Step.Where(k => k != "step").Concat(Keys.Card.Where(k => k is not ("text" or "to"))).Distinct().Order(),
                v.KeyLabels.Keys.Order());
            Assert.False(string.IsNullOrWhiteSpace(v.Continued), v.Code);
            // A label means one lane or one key, in the language and in English together.
            var spellings = Lane.StandardIds.SelectMany(id => Lane.SpellingsIn(v, id).Select(s => (s, id)))
                .Concat(v.KeyLabels.Select(kv => (kv.Value, kv.Key)))
                .Concat(Lane.StandardSpellings.Select(s => (s, Lane.StandardIdFor(s)!)))
                .Concat(v.KeyLabels.Keys.Select(k => (k, k)));
            foreach (var group in spellings.GroupBy(p => p.Item1.ToLowerInvariant()))
                Assert.True(group.Select(p => p.Item2).Distinct().Count() == 1, $"{v.Code}: `{group.Key}` names {string.Join(" and ", group.Select(p => p.Item2).Distinct())}");
        }
    }
}
