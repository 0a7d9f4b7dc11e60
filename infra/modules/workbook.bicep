@description('Azure region of the workbook.')
param location string

@description('Tags applied to the workbook.')
param tags object

@description('Display name of the workbook in the portal.')
param displayName string

@description('Resource id of Application Insights (the workbook\'s data source).')
param applicationInsightsId string

@description('Resource id of the Service Bus namespace (dead-letter depth).')
param serviceBusId string

// Telemetry contract with the app (see README.md, "Telemetry names"): one log line
// per processed event carries the properties EventType and Outcome; each Salesforce write logs
// the properties EventLagSeconds and SalesforceApiUsagePercent. Worker-side logging stores properties by name,
// host-side logging prefixes them with prop__, so both are read.
var eventLogs = 'traces | extend EventType = coalesce(tostring(customDimensions.EventType), tostring(customDimensions.prop__EventType)), Outcome = coalesce(tostring(customDimensions.Outcome), tostring(customDimensions.prop__Outcome)) | where isnotempty(EventType) and isnotempty(Outcome)'

var last24Hours = {
  durationMs: 86400000
}

var queryItem = {
  version: 'KqlItem/1.0'
  size: 0
  timeContext: last24Hours
  queryType: 0
  resourceType: 'microsoft.insights/components'
}

var content = {
  version: 'Notebook/1.0'
  items: [
    {
      type: 1
      name: 'title'
      content: {
        json: '## Stripe → Salesforce\nEvents, outcomes, dead letters, Salesforce API budget and end-to-end lag.'
      }
    }
    {
      type: 3
      name: 'eventsPerTypePerMinute'
      content: union(queryItem, {
        title: 'Events per type per minute'
        query: '${eventLogs} | summarize Events = count() by bin(timestamp, 1m), EventType | render timechart'
        visualization: 'timechart'
      })
    }
    {
      type: 3
      name: 'outcomes'
      content: union(queryItem, {
        title: 'Outcomes (Completed, Stale, Ignored, RetryLater, DeadLettered)'
        query: '${eventLogs} | summarize Events = count() by bin(timestamp, 5m), Outcome | render columnchart'
        visualization: 'barchart'
      })
    }
    {
      type: 3
      name: 'outcomesPerType'
      content: union(queryItem, {
        title: 'Outcomes per event type'
        query: '${eventLogs} | summarize Events = count() by EventType, Outcome | evaluate pivot(Outcome, sum(Events))'
        visualization: 'table'
      })
    }
    {
      type: 10
      name: 'deadLetterDepth'
      content: {
        chartId: 'deadLetterDepth'
        version: 'MetricsItem/2.0'
        size: 0
        chartType: 2
        resourceType: 'microsoft.servicebus/namespaces'
        metricScope: 0
        resourceIds: [
          serviceBusId
        ]
        timeContext: last24Hours
        metrics: [
          {
            namespace: 'microsoft.servicebus/namespaces'
            metric: 'microsoft.servicebus/namespaces--DeadletteredMessages'
            aggregation: 3
            splitBy: 'EntityName'
          }
        ]
        title: 'Dead-letter depth per queue'
      }
    }
    {
      type: 3
      name: 'salesforceApiUsage'
      content: union(queryItem, {
        title: 'Salesforce API usage (% of the daily allowance)'
        query: 'traces | extend UsagePercent = todouble(coalesce(customDimensions.SalesforceApiUsagePercent, customDimensions.prop__SalesforceApiUsagePercent)) | where isnotnull(UsagePercent) | summarize UsagePercent = max(UsagePercent) by bin(timestamp, 15m) | render timechart'
        visualization: 'timechart'
      })
    }
    {
      type: 3
      name: 'endToEndLag'
      content: union(queryItem, {
        title: 'End-to-end lag (Stripe event created → written to Salesforce), seconds'
        query: 'traces | extend Lag = todouble(coalesce(customDimensions.EventLagSeconds, customDimensions.prop__EventLagSeconds)) | where isnotnull(Lag) | summarize Average = avg(Lag), Max = max(Lag) by bin(timestamp, 5m) | render timechart'
        visualization: 'timechart'
      })
    }
  ]
  isLocked: false
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, applicationInsightsId, 'stripesf-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: string(content)
  }
}

@description('Resource id of the workbook.')
output id string = workbook.id
