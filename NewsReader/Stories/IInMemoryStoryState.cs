namespace NewsReader.Stories;

/// <summary>
/// Something a process keeps in memory from the stories (the story order, the category menu, the
/// breaking banner, the time of the next scheduled story). The process that saves a change updates
/// its own through <see cref="StoryChanges"/>; with several instances the others hear of the change
/// from Redis and call <see cref="Forget"/>, so that the next request reads the database again.
/// </summary>
public interface IInMemoryStoryState
{
    void Forget();
}
