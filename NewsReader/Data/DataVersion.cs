using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

/// <summary>
/// Which version of a derived form the stored data was made by (the stories' HTML, ...): a site
/// started on data made by an older version brings it up to date once, then records the new one.
/// </summary>
public class DataVersion
{
    public required string Name { get; set; }
    public int Version { get; set; }
}

public sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> version)
    {
        version.HasKey(v => v.Name);
        version.Property(v => v.Name).HasMaxLength(100);
    }
}
