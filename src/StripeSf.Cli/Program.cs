using StripeSf.Cli.Commands;

return await StripeSfCommand.Create().Parse(args).InvokeAsync();
