using System.Diagnostics.CodeAnalysis;

// The contract fixes WaitForCompletionAsync(string taskId, IProgress<VideoTask>? progress = null, CancellationToken = default);
// the VideoTask overload mirrors it on purpose. The first parameters' types differ, so no call is ambiguous and
// adding a parameter later would be done with a new overload, not a new optional parameter.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ in the first parameter's type; see the comment above.", Scope = "member", Target = "~M:LemonData.Video.LemonDataVideoClient.WaitForCompletionAsync(System.String,System.IProgress{LemonData.Video.VideoTask},System.Threading.CancellationToken)~System.Threading.Tasks.Task{LemonData.Video.VideoTask}")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ in the first parameter's type; see the comment above.", Scope = "member", Target = "~M:LemonData.Video.LemonDataVideoClient.WaitForCompletionAsync(LemonData.Video.VideoTask,System.IProgress{LemonData.Video.VideoTask},System.Threading.CancellationToken)~System.Threading.Tasks.Task{LemonData.Video.VideoTask}")]
