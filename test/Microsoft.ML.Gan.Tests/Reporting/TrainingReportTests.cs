using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Tests.Reporting;

[TestClass]
public sealed class TrainingReportTests
{
    [TestMethod]
    public void WriteHtml_HasChartsWithOnePointPerEntry_FactsAndImages_AllEscaped()
    {
        var history = new TrainingHistory();
        for (int step = 1; step <= 7; step++)
        {
            history.Add(new TrainingHistoryEntry(1 + step / 4, step * 10, 2f / step, 1.3f, 0.8f, 0.2f + step / 100f, 300, step));
        }
        var images = new List<(string, string)> { ("epoch 1 <final>", @"samples\epoch 1.png") };
        var facts = new Dictionary<string, string> { ["seed"] = "42", ["device"] = "cpu & more" };
        using var folder = new TemporaryFolder();
        string path = folder.File("report.html");

        TrainingReport.WriteHtml(path, "DCGAN <digits>", history, images, facts);
        string html = File.ReadAllText(path);

        StringAssert.Contains(html, "<title>DCGAN &lt;digits&gt;</title>");
        Assert.DoesNotContain("<digits>", html);
        StringAssert.Contains(html, "<th>device</th><td>cpu &amp; more</td>");
        StringAssert.Contains(html, "<img src=\"samples/epoch%201.png\" alt=\"epoch 1 &lt;final&gt;\">");

        var series = Regex.Matches(html, "<polyline class=\"series\"[^>]*/>").Select(m => XElement.Parse(m.Value)).ToList();
        CollectionAssert.AreEqual(
            new[] { "generator", "discriminator", "D(real)", "D(fake)" },
            series.Select(s => (string)s.Attribute("data-name")!).ToArray());
        foreach (var polyline in series)
        {
            Assert.HasCount(history.Entries.Count, ((string)polyline.Attribute("points")!).Split(' '));
        }
        Assert.HasCount(2, Regex.Matches(html, "<svg "));
    }

    [TestMethod]
    public void SvgLineChart_IsWellFormedXml_WithTicksAndLegend()
    {
        var chart = new SvgLineChart("Loss & <score>", "step", "loss")
            .AddSeries("G", "#1f77b4", [(0, 0.7), (100, 1.9), (200, double.NaN), (300, 1.2)]);

        var svg = XElement.Parse(chart.ToSvg());
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = svg.Elements(ns + "text").Select(t => t.Value).ToList();

        CollectionAssert.Contains(texts, "Loss & <score>");
        CollectionAssert.Contains(texts, "G");
        // Nice ticks: x from 0 to 300 in steps of 50, y from 0.6 to 2.0 in steps of 0.2.
        CollectionAssert.IsSubsetOf(new[] { "0", "50", "300", "0.6", "2.0" }, texts);
        var series = svg.Elements(ns + "polyline").Single(p => (string?)p.Attribute("class") == "series");
        Assert.HasCount(3, ((string)series.Attribute("points")!).Split(' '));
    }

    [TestMethod]
    public void ToHtml_EmptyHistory_StillRenders()
    {
        string html = TrainingReport.ToHtml("empty", new TrainingHistory(), [], new Dictionary<string, string>());

        StringAssert.Contains(html, "no data");
        Assert.DoesNotContain("<h2>Samples</h2>", html);
    }
}
