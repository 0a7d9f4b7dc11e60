namespace StripeSf.Core.Mapping;

/// <summary>Task API names and values.</summary>
public sealed class TaskMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Task";
    /// <summary>External id: the key that makes creating the Task idempotent.</summary>
    public string ExternalId { get; set; } = "Stripe_Event_Id__c";
    /// <summary>Subject.</summary>
    public string Subject { get; set; } = "Subject";
    /// <summary>Priority.</summary>
    public string Priority { get; set; } = "Priority";
    /// <summary>Status.</summary>
    public string Status { get; set; } = "Status";
    /// <summary>Owner.</summary>
    public string OwnerId { get; set; } = "OwnerId";
    /// <summary>Related record (the Account).</summary>
    public string WhatId { get; set; } = "WhatId";
    /// <summary>Due date.</summary>
    public string ActivityDate { get; set; } = "ActivityDate";
    /// <summary>Description.</summary>
    public string Description { get; set; } = "Description";
    /// <summary>Priority value for failed payments.</summary>
    public string PriorityHigh { get; set; } = "High";
    /// <summary>Priority value for follow-ups.</summary>
    public string PriorityNormal { get; set; } = "Normal";
    /// <summary>Why the integration closed the Task (a failed payment paid later).</summary>
    public string Resolution { get; set; } = "Stripe_Resolution__c";
    /// <summary>Status value of a Task the integration closes.</summary>
    public string StatusCompleted { get; set; } = "Completed";
    /// <summary>Status value of new tasks.</summary>
    public string StatusOpen { get; set; } = "Not Started";
}
