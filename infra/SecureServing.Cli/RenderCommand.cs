using System.CommandLine;

namespace SecureServing.Cli;

// Placeholder until its issue lands; replaced wholesale by the owner of this command.
internal static class RenderCommand
{
    public static Command Create()
    {
        var command = new Command("render", "Not implemented yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
