using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;

namespace LemonData.Video;

/// <summary>How a request failed without an HTTP answer, which decides whether it may be sent again.</summary>
internal enum TransportFailure
{
    /// <summary>No connection was made, so nothing was sent: even a create may be retried.</summary>
    NotSent,

    /// <summary>The request may have reached the service (connection lost, timed out, unreadable answer).</summary>
    OutcomeUnknown,
}

internal static class TransportFailureClassifier
{
    public static bool IsTransportException(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException;

    public static TransportFailure Classify(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return TransportFailure.NotSent;
        }
#endif
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket && socket.SocketErrorCode is SocketError.ConnectionRefused
                    or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable
                    or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable)
            {
                return TransportFailure.NotSent;
            }
        }

        return TransportFailure.OutcomeUnknown;
    }
}
