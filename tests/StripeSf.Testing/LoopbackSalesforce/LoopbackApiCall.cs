namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>The kinds of call the loopback Salesforce counts (each REST call is one API request, as in a real org).</summary>
public enum LoopbackApiCall
{
    /// <summary>POST /services/oauth2/token (does not count against the daily allowance).</summary>
    Token,

    /// <summary>POST composite.</summary>
    Composite,

    /// <summary>PATCH sobjects/{type}/{field}/{value}.</summary>
    Upsert,

    /// <summary>POST sobjects/{type}, PATCH/GET sobjects/{type}/{id}.</summary>
    Record,

    /// <summary>PATCH composite/sobjects/{type}/{field}.</summary>
    Collections,

    /// <summary>GET query?q=.</summary>
    Query,

    /// <summary>GET query/{locator} (nextRecordsUrl).</summary>
    QueryMore,

    /// <summary>Any jobs/ingest call.</summary>
    Bulk,

    /// <summary>GET limits.</summary>
    Limits,

    /// <summary>GET sobjects/{type}/describe.</summary>
    Describe,

    Chatter,

    /// <summary>GET /services/data/ (version list) and anything else.</summary>
    Other,
}
