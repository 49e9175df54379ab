using NewsReader;
using NewsReader.Commands;

var builder = WebApplication.CreateBuilder(CommandLine.ConfigurationArguments(args));
builder.AddNewsReader();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

app.MapNewsReader();
return await app.RunNewsReaderAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
