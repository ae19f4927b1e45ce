using Otklik.Model;
using Otklik.Storage;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Predictions_stored_together_give_each_case_its_own_labels_body_and_status_and_only_the_deadlines_it_lacked()
    {
        // Confidences a binary fraction, exact through SQLite's JSON. Two imported cases without deadlines, and more cases with deadlines than one statement takes.
        var imported = new[] { "Не горят фонари на улице Красной", "Яма на дороге у школы" }
            .Select((text, i) => new IncomingMessage("kursk", "u" + i, text, null, "p" + i, Now, null, null, null, null, null, null, 1)).ToList();
        await Store.ImportBatchAsync(new ImportBatch(imported, [], "import:test", Now), CancellationToken.None);
        var database = new CaseDatabase(SqlDialect.FromDb(Database));
        var ids = new List<long>();
        long[] bodies;
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            bodies = [await session.AddBodyAsync(new Body(0, "Комитет ЖКХ", null, BodyLevel.Municipal, "46", null, new Territory("46", "Курская область"), null)),
                await session.AddBodyAsync(new Body(0, "Комитет дорог", null, BodyLevel.Municipal, "46", null, new Territory("46", "Курская область"), null))];
            ids.AddRange((await session.UnclassifiedCasesAsync(0, 10)).Select(c => c.Id));
            ids.AddRange(await session.CreateCasesAsync(Enumerable.Range(0, 1100).Select(i => new NewCase(
                null, null, Territory.Unknown, null, CaseStatus.New, Now.AddDays(1), Now.AddDays(30), Now, "input", null, [], [(byte)i], false)).ToList()));
            await session.CommitAsync();
        }

        var predictions = ids.Select((id, i) => new CasePrediction(
            id, "g" + (i % 3), "topic " + i, i % 5 == 0 ? null : bodies[i % 2], i % 5 != 0 && i % 2 == 0, "model:test", i % 1024 / 1024.0, ["reason " + i, "route #1 x"],
            Now.AddHours(2).AddSeconds(i), Now.AddDays(5))).ToList();
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            await session.SetPredictionsAsync(predictions, Now.AddMinutes(1));
            await session.CommitAsync();
        }

        await using var reader = await database.OpenAsync(write: false);
        for (var i = 0; i < ids.Count; i++)
        {
            var c = (await reader.GetCaseAsync(ids[i], CaseScope.All, Now))!;
            var p = predictions[i];
            Assert.Equal((p.TopicGroup, p.Topic, p.BodyId, p.Assign ? CaseStatus.Assigned : CaseStatus.New, "model:test", p.Confidence, Now.AddMinutes(1)),
                (c.TopicGroup, c.Topic, c.BodyId, c.Status, c.LabelSource, c.Confidence, c.UpdatedAt));
            Assert.Equal(p.Reasons, c.Reasons);
            Assert.Equal(i < imported.Count ? (p.FirstReplyDue, p.AnswerDue) : (Now.AddDays(1), Now.AddDays(30)), (c.FirstReplyDue!.Value, c.AnswerDue!.Value));
        }
    }
}
