using System;
using Npgsql;

namespace LemonData.Video.Batch;

/// <summary>How a ledger's messages name where it is: host, port, database, user and schema, never the password.</summary>
internal static class PostgresLocation
{
    public static string Describe(string connectionString, string schema)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return "(schema " + schema + ")";
        }

        return "on host " + (builder.Host ?? "localhost") + " port " + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ", database '" + (builder.Database ?? builder.Username ?? "?") + "'"
            + (builder.Username is { } user ? " as user '" + user + "'" : string.Empty)
            + ", schema '" + schema + "'";
    }
}
