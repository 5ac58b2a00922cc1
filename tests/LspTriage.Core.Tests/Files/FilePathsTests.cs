using LspTriage.Core.Files;

namespace LspTriage.Core.Tests.Files;

public sealed class FilePathsTests
{
    [Theory]
    [InlineData("/x/history/a.md", "/x/history", true)]
    [InlineData("/x/history/deep/er/a.md", "/x/history/", true)]
    [InlineData("/x/history2/a.md", "/x/history", false)]
    [InlineData("/x/history-old/a.md", "/x/history", false)]
    [InlineData("/x/history", "/x/history", false)]
    [InlineData("/x/a.md", "/x/history", false)]
    [InlineData("/x/history/../other/a.md", "/x/history", false)]
    public void A_path_is_under_a_folder_only_by_whole_segments(string path, string folder, bool expected) =>
        Assert.Equal(expected, FilePaths.IsUnder(path, folder));

    [Fact]
    public void Relative_paths_use_forward_slashes_and_are_null_outside()
    {
        Assert.Equal("2024/db.md", FilePaths.RelativeTo("/x/history/2024/db.md", "/x/history"));
        Assert.Null(FilePaths.RelativeTo("/x/history2/db.md", "/x/history"));
    }
}
