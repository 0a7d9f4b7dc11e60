@description('Azure region of the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags object

@description('Name of the Service Bus namespace.')
param name string

// The one list of routed Stripe event types, shared with StripeSf.Core's router. Each type is a
// queue named verbatim (e.g. invoice.payment_failed).
var routes = loadJsonContent('../../src/StripeSf.Core/Routing/routes.json')
var eventTypes = routes.eventTypes

// The one set of queue settings, shared with StripeSf.Core's settlement policy (which
// dead-letters an unexpected exception on delivery maxDeliveryCount). Change them there.
var queueSettings = loadJsonContent('../../src/StripeSf.Core/Settlement/queues.json')

// Every queue: one per routed type, and the notification queue (Slack/Teams/email messages, one
// per event and channel, MessageId <event id>:<channel>) with the same settings, so duplicate
// detection keeps a redelivered event to one message per channel.
var queueNames = concat(eventTypes, [queueSettings.notificationQueue])

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Entra ID only: no SAS keys exist that could leak.
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: namespace
    name: queueName
    properties: {
      // MessageId = Stripe event id; Stripe retries for up to 3 days, so the maximum window
      // (7 days) turns every redelivery into a no-op.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: queueSettings.duplicateDetectionHistoryTimeWindow
      // Deliveries before Service Bus dead-letters a message; the peek lock (at most PT5M) the
      // Functions host renews while a handler runs; the wait before a message expires into the
      // dead-letter sub-queue.
      maxDeliveryCount: queueSettings.maxDeliveryCount
      lockDuration: queueSettings.lockDuration
      defaultMessageTimeToLive: queueSettings.defaultMessageTimeToLive
      deadLetteringOnMessageExpiration: true
      // Sessions stay off: queues per type cannot order across types anyway, and Service Bus
      // Explorer cannot resend dead letters into session-enabled queues.
      requiresSession: false
      enableBatchedOperations: true
      maxSizeInMegabytes: 1024
    }
  }
]

@description('Resource id of the namespace.')
output id string = namespace.id

@description('Name of the namespace.')
output name string = namespace.name

@description('Fully qualified namespace for ServiceBus__fullyQualifiedNamespace.')
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'

@description('The queue names: one per routed Stripe event type, then the notification queue.')
output queueNames array = [for (queueName, i) in queueNames: queues[i].name]
