using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using StripeSf.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
FunctionsApp.Configure(builder);
builder.Build().Run();
