using Otklik.Ingest;
using Otklik.Settings;
using Otklik.Storage.Cases;

namespace Otklik.Cli.Commands;

/// <summary>`otklik train --from-db`: the labeled cases of the database as training data.</summary>
internal static class TrainFromDb
{
    /// <summary>Null (and the reason on stderr) when the database holds fewer than two labeled cases.</summary>
    public static List<LabeledAppeal>? Read(string? db, CancellationToken cancellationToken)
    {
        var database = OtklikSettings.Load().WithDatabase(db).DatabaseOrDefault;
        var cases = Task.Run(async () =>
        {
            var opened = await CaseDatabase.OpenAsync(database, null, cancellationToken);
            await using var session = await opened.OpenAsync(write: false, cancellationToken);
            return await session.LabeledCasesAsync(cancellationToken);
        }, cancellationToken).GetAwaiter().GetResult();
        if (cases.Count < 2)
        {
            TextCommandSupport.Fail($"{database} holds {cases.Count} labeled cases", "import a labeled file first (otklik import FILE --preset kursk), or label cases as an operator");
            return null;
        }

        return cases;
    }
}
