using HostingCalls.Functions;
using HostingCalls.Functions.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
// No Application Insights SDK in the worker: its logs flow through the Functions host, whose Application
// Insights connection is identity-based (local auth is off on the component).
builder.ConfigureFunctionsWebApplication();
builder.Services.AddHostingCalls(builder.Configuration);
builder.Services.AddHostedService<StorageProvisioningService>();

builder.Build().Run();
