#if !NET8_0_OR_GREATER
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>
/// <c>Task&lt;T&gt;.WaitAsync(CancellationToken)</c> of .NET 6 and later, for netstandard2.0: stops waiting when the token
/// is cancelled, and leaves the task running.
/// </summary>
internal static class TaskWaitAsync
{
    public static Task<T> WaitAsync<T>(this Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return task;
        }

        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<T>(cancellationToken)
            : WaitSlowAsync(task, cancellationToken);
    }

    private static async Task<T> WaitSlowAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                throw new System.OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }
}
#endif
