namespace StripeSf.Infra.Tests;

public sealed class PermissionSetTests
{
    private const string Integration = "Stripe_Integration";
    private const string Viewer = "Stripe_Billing_Viewer";

    // Custom fields the integration reads but never writes.
    private static readonly HashSet<string> ReadOnlyForIntegration = ["Lead.Sync_To_Stripe__c"];

    // Objects the integration upserts (Task and Event rights are user permissions, not object permissions).
    private static readonly string[] UpsertedObjects =
        ["Account", "Contact", "Opportunity", "Contract", "Case", "Stripe_Payment__c", "Stripe_Invoice__c", "Stripe_Reconciliation_Run__c"];

    private static readonly IReadOnlySet<SalesforceField> Fields = SalesforceMetadata.LoadFields();

    [Fact]
    public void Integration_EditsEveryFieldItWrites()
    {
        var grants = FieldGrants(Integration);
        var missing = Fields
            .Where(f => f.IsWritable && !ReadOnlyForIntegration.Contains(Key(f)))
            .Where(f => !grants.TryGetValue(Key(f), out var g) || !g.Editable || !g.Readable)
            .Select(Key)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Integration_EditsNoCalculatedOrReadOnlyField()
    {
        var grants = FieldGrants(Integration);
        var wrong = Fields
            .Where(f => !f.IsWritable || ReadOnlyForIntegration.Contains(Key(f)))
            .Where(f => grants.TryGetValue(Key(f), out var g) && g.Editable)
            .Select(Key)
            .ToList();

        Assert.Empty(wrong);
        Assert.All(ReadOnlyForIntegration, f => Assert.True(grants[f].Readable, $"{f} must stay readable"));
    }

    [Theory]
    [InlineData(Integration)]
    [InlineData(Viewer)]
    public void PermissionSet_ReferencesOnlyDeclaredCustomFields(string permissionSet)
    {
        var declared = Fields.Select(Key).ToHashSet();
        var unknown = FieldGrants(permissionSet).Keys
            .Where(f => f.EndsWith("__c", StringComparison.Ordinal) && !declared.Contains(f))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Integration_HasCrudOnUpsertedObjects()
    {
        var objects = ObjectGrants(Integration);

        Assert.All(UpsertedObjects, o =>
        {
            Assert.True(objects.ContainsKey(o), $"{o}: no object permission");
            var g = objects[o];
            Assert.True(g["allowCreate"] && g["allowRead"] && g["allowEdit"] && g["viewAllRecords"], $"{o}: needs create, read, edit and view all");
        });
        Assert.True(objects["Lead"]["allowEdit"], "Lead: the Stripe customer id is written back");
    }

    [Fact]
    public void Viewer_GrantsNoEdit()
    {
        var set = SalesforceMetadata.LoadPermissionSet(Viewer);

        Assert.DoesNotContain(FieldGrants(Viewer).Values, g => g.Editable);
        Assert.All(ObjectGrants(Viewer), o =>
        {
            Assert.True(o.Value["allowRead"], $"{o.Key}: read");
            Assert.False(o.Value["allowCreate"] || o.Value["allowEdit"] || o.Value["allowDelete"] || o.Value["modifyAllRecords"], $"{o.Key}: read only");
        });
        Assert.Empty(set.Elements(SalesforceMetadata.Ns + "userPermissions"));
    }

    [Fact]
    public void Viewer_ReadsEveryModelField()
    {
        var grants = FieldGrants(Viewer);
        var missing = Fields
            .Where(f => f.Type != "MasterDetail")
            .Where(f => !grants.TryGetValue(Key(f), out var g) || !g.Readable)
            .Select(Key)
            .ToList();

        Assert.Empty(missing);
    }

    private static string Key(SalesforceField f) => $"{f.Object}.{f.Name}";

    private static Dictionary<string, (bool Readable, bool Editable)> FieldGrants(string permissionSet) =>
        SalesforceMetadata.LoadPermissionSet(permissionSet)
            .Elements(SalesforceMetadata.Ns + "fieldPermissions")
            .ToDictionary(
                e => SalesforceMetadata.Value(e, "field")!,
                e => (SalesforceMetadata.Value(e, "readable") == "true", SalesforceMetadata.Value(e, "editable") == "true"));

    private static Dictionary<string, Dictionary<string, bool>> ObjectGrants(string permissionSet) =>
        SalesforceMetadata.LoadPermissionSet(permissionSet)
            .Elements(SalesforceMetadata.Ns + "objectPermissions")
            .ToDictionary(
                e => SalesforceMetadata.Value(e, "object")!,
                e => e.Elements().Where(c => c.Name.LocalName != "object").ToDictionary(c => c.Name.LocalName, c => c.Value == "true"));
}
