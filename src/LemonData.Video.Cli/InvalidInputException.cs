using System;

namespace LemonData.Video.Cli;

/// <summary>Input the tool rejects itself before anything is sent (an unreadable image, a bad address): exit code 2.</summary>
internal sealed class InvalidInputException : Exception
{
    public InvalidInputException(string message)
        : base(message)
    {
    }
}
