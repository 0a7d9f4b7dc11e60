using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using StripeSf.Core.DependencyInjection;
using StripeSf.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.ConfigureFunctionsApplicationInsights();

builder.Services.AddStripeWebhookIngress();
builder.Services.AddStripeEventProcessing();
builder.Services.AddSalesforce(builder.Configuration);
builder.Services.AddServiceBusQueues(builder.Configuration);

builder.Build().Run();
