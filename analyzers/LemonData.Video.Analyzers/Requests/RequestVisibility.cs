namespace LemonData.Video.Analyzers.Requests;

/// <summary>How much of a request's life the analyzer sees, which decides what an unset property means.</summary>
internal enum RequestVisibility
{
    /// <summary>
    /// One object initializer whose request goes somewhere the analyzer does not follow (a field, a collection,
    /// a return value, another method): what it sets counts, but a property it leaves unset may be set later.
    /// </summary>
    Initializer,

    /// <summary>
    /// The request's whole life: created and handed straight to the client, or a local followed from its creation
    /// to its end without anything the analyzer cannot model. A property left unset is not sent.
    /// </summary>
    WholeLife,
}
