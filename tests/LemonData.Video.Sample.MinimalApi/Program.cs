using LemonData.Video.Sample.MinimalApi;

await using var app = VideoApi.Build(args);
await app.RunAsync();
