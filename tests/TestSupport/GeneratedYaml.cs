using System.Globalization;
using System.Text;

namespace Blueprint.Tests;

/// <summary>
/// The YAML that bench/generate.mjs writes, built at run time (a 10,000-step file is 9 MB: never committed): every lane
/// filled, arrows down each column and across to the next step, fail and wait points, emotions.
/// </summary>
public static class GeneratedYaml
{
    private static readonly string[] Lanes = ["evidence", "customer", "touchpoint", "frontstage", "backstage", "support"];
    private static readonly string[] Words = ["checks", "the", "booking", "and", "confirms", "table", "with", "guest", "order", "system", "sends", "update"];
    private const int StepsPerScene = 5;

    public static string Blueprint(int steps)
    {
        var yaml = new StringBuilder(steps * 950);
        yaml.Append(CultureInfo.InvariantCulture, $"blueprint: Generated blueprint of {steps} steps\n")
            .Append("goal: Measure the renderer\n")
            .Append("scenario: A generated journey with every lane filled and arrows across lanes and steps.\n")
            .Append("scenes:\n");
        for (int i = 0; i < steps; i++)
        {
            if (i % StepsPerScene == 0) yaml.Append(CultureInfo.InvariantCulture, $"  - scene: Scene {i / StepsPerScene + 1}\n    steps:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"      - step: Step {i + 1}\n        id: s{i}\n        duration: {1 + i % 9}m\n");
            foreach (var lane in Lanes)
            {
                var to = new List<string>();
                if (lane == "frontstage") to.Add($"s{i}-backstage");
                if (lane == "backstage") to.Add($"s{i}-support");
                if (lane == "support" && i + 1 < steps) to.Add($"s{i + 1}-backstage");
                yaml.Append(CultureInfo.InvariantCulture, $"        {lane}:\n          id: s{i}-{lane}\n          text: {Text(i, lane)}\n");
                if (lane == "backstage") yaml.Append("          owner: Team\n");
                if (i % 10 == 3 && lane == "support") yaml.Append("          fail: Goes down under load\n          owner: Platform team\n");
                if (to.Count > 0) yaml.Append("          to: [").Append(string.Join(", ", to)).Append("]\n");
            }
            if (i % 7 == 2) yaml.Append("        wait: Queue builds up\n");
            yaml.Append(CultureInfo.InvariantCulture, $"        emotion: {(i * 3) % 5 - 2}\n");
        }
        return yaml.ToString();
    }

    private static string Text(int i, string lane) =>
        $"{lane} {i} - " + string.Join(' ', Enumerable.Range(0, 4 + i % 5).Select(k => Words[(i * 7 + k * 3) % Words.Length]));
}
