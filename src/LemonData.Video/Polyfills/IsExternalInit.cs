#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

// Lets `init` accessors compile for netstandard2.0; the compiler only needs the type to exist.
internal static class IsExternalInit
{
}
#endif
