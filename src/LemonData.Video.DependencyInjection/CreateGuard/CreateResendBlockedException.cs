using System.IO;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// A handler of the application tried to send a create again after an earlier send of it may have
/// created a paid task; the guard stopped it before anything left the machine.
/// </summary>
/// <remarks>
/// When the earlier answer named its task (a 5xx whose body carries the id), the id travels in
/// <see cref="System.Exception.Data"/> under <see cref="VideoTaskExceptionExtensions.TaskIdDataKey"/>, where the SDK finds it:
/// the retry handler has disposed that answer by now.
/// </remarks>
internal sealed class CreateResendBlockedException : IOException
{
    public CreateResendBlockedException(string earlierSend, string? taskId)
        : base("a handler tried to send this create again, and LemonData.Video stopped it: " + earlierSend
               + ", so the video may already be generating and a second create would be a second paid video")
    {
        if (taskId is not null)
        {
            Data[VideoTaskExceptionExtensions.TaskIdDataKey] = taskId;
        }
    }
}
