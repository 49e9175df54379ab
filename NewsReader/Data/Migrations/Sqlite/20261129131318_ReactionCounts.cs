using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReactionCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reactions_ArticleId_Kind",
                table: "Reactions");

            migrationBuilder.CreateTable(
                name: "ReactionCounts",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReactionCounts", x => new { x.ArticleId, x.Kind });
                    table.CheckConstraint("CK_ReactionCounts_Count", "\"Count\" >= 0");
                    table.ForeignKey(
                        name: "FK_ReactionCounts_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // An existing site keeps its reactions: the counts start from the rows already there, in the
            // same transaction as the table, so no reaction can land between the two.
            migrationBuilder.Sql(
                """
                INSERT INTO "ReactionCounts" ("ArticleId", "Kind", "Count")
                SELECT "ArticleId", "Kind", COUNT(*) FROM "Reactions" GROUP BY "ArticleId", "Kind";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReactionCounts");

            migrationBuilder.CreateIndex(
                name: "IX_Reactions_ArticleId_Kind",
                table: "Reactions",
                columns: new[] { "ArticleId", "Kind" });
        }
    }
}
