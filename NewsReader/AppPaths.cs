namespace NewsReader;

/// <summary>
/// Resolves the default locations of the database and the sample stories. `dotnet run --project
/// NewsReader` makes the project folder the content root, but the contract puts `data/` at the
/// repository root, so paths are resolved from the folder that holds NewsReader.sln.
/// </summary>
public static class AppPaths
{
    public static string RepositoryRoot(string contentRootPath)
    {
        for (var folder = new DirectoryInfo(contentRootPath); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsReader.sln")))
            {
                return folder.FullName;
            }
        }
        return contentRootPath;
    }

    public static string Resolve(string contentRootPath, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RepositoryRoot(contentRootPath), path));

    public static string DefaultConnectionString(string contentRootPath) =>
        $"Data Source={Resolve(contentRootPath, "data/newsreader.db")}";
}
