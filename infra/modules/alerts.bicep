@description('Azure region of the log alerts (metric alerts are global).')
param location string

@description('Tags applied to the alert rules and the action group.')
param tags object

@description('Prefix of the alert rule names.')
param namePrefix string

@description('Resource id of the Service Bus namespace.')
param serviceBusId string

@description('Resource id of Application Insights.')
param applicationInsightsId string

@description('E-mail address notified by the alerts; empty: alerts fire in the portal only.')
param alertEmail string = ''

@description('Failed function executions per function within 15 minutes that raise the failure alert.')
@minValue(1)
param functionFailureThreshold int = 5

var hasActionGroup = !empty(alertEmail)
var actionGroupIds = hasActionGroup ? [actionGroup.id] : []

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (hasActionGroup) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'stripesf'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// DeadletteredMessages is the current depth of each queue's dead-letter sub-queue; splitting by
// EntityName with '*' gives one time series (and one alert) per queue, including queues added
// to routes.json later.
resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-dead-lettered-messages'
  location: 'global'
  tags: tags
  properties: {
    description: 'A Stripe event could not be written to Salesforce and waits in a dead-letter queue. Read DeadLetterReason / DeadLetterErrorDescription in Service Bus Explorer, fix the cause, then replay.'
    severity: 2
    enabled: true
    scopes: [
      serviceBusId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'DeadletteredMessagesPerQueue'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [for id in actionGroupIds: { actionGroupId: id }]
  }
}

resource functionFailureAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-function-failures'
  location: location
  tags: tags
  properties: {
    displayName: '${namePrefix}-function-failures'
    description: 'Function executions are failing (per function). Check the exceptions in Application Insights.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'requests | where success == false | project timestamp, FunctionName = operation_Name'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'FunctionName'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThanOrEqual'
          threshold: functionFailureThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: actionGroupIds
    }
  }
}

// The reconciliation emits `ReconciliationDiscrepancy` (a custom event, or a log whose message
// template starts with that word) when Stripe and Salesforce disagree.
resource reconciliationAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-reconciliation-discrepancies'
  location: location
  tags: tags
  properties: {
    displayName: '${namePrefix}-reconciliation-discrepancies'
    description: 'The nightly reconciliation found records that disagree between Stripe and Salesforce. See the Stripe_Reconciliation_Run__c record and its Case.'
    severity: 3
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'P1D'
    criteria: {
      allOf: [
        {
          query: 'union isfuzzy=true (customEvents | where name == "ReconciliationDiscrepancy"), (traces | where tostring(customDimensions.EventName) == "ReconciliationDiscrepancy" or tostring(customDimensions["{OriginalFormat}"]) startswith "ReconciliationDiscrepancy") | project timestamp'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: actionGroupIds
    }
  }
}

// The nightly run (and the on-demand reconcile) logs `StripeEndpointUnhealthy` when the Stripe webhook
// endpoint is disabled, misses routed event types or uses another API version: events stop arriving
// or arrive incomplete, which nothing else would notice until the next reconciliation.
resource stripeEndpointAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-stripe-endpoint'
  location: location
  tags: tags
  properties: {
    displayName: '${namePrefix}-stripe-endpoint'
    description: 'The Stripe webhook endpoint is disabled, misses routed event types or uses another API version. Fix it in the Stripe Dashboard (the log line and the reconciliation Case say what), then run stripesf gap-fill or wait for the nightly gap-fill.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'P1D'
    criteria: {
      allOf: [
        {
          query: 'traces | where tostring(customDimensions.EventName) startswith "StripeEndpoint" or tostring(customDimensions["{OriginalFormat}"]) startswith "StripeEndpointUnhealthy" | project timestamp'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: actionGroupIds
    }
  }
}

@description('Names of the alert rules.')
output alertNames array = [
  deadLetterAlert.name
  functionFailureAlert.name
  reconciliationAlert.name
  stripeEndpointAlert.name
]
