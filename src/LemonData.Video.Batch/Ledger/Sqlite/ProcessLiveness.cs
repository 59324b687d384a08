using System;
using System.Diagnostics;

namespace LemonData.Video.Batch;

/// <summary>Whether a process recorded in a claim still runs on this host: the same id, started at the same time.</summary>
internal static class ProcessLiveness
{
    // A process's start time, as the OS reports it, can differ by rounding between two readings.
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    public static int CurrentId => Environment.ProcessId;

    public static DateTimeOffset? CurrentStartTime
    {
        get
        {
            using var current = Process.GetCurrentProcess();
            return StartTimeOf(current);
        }
    }

    /// <summary>
    /// False when no process has the id, or the one that has it started at another time than recorded (the id was reused
    /// after the holder died). True when in doubt: taking over a live run's claim could create a job twice.
    /// </summary>
    public static bool IsAlive(int processId, DateTimeOffset? recordedStartTime)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return false;
        }

        using (process)
        {
            try
            {
                if (process.HasExited)
                {
                    return false;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                return true;
            }

            if (recordedStartTime is not { } recorded || StartTimeOf(process) is not { } actual)
            {
                return true;
            }

            return (actual - recorded).Duration() <= StartTimeTolerance;
        }
    }

    private static DateTimeOffset? StartTimeOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
