using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RelatedPostingsByWeight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTerms_Term_ArticleId_Weight",
                table: "ArticleTerms");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTerms_Term_Weight_ArticleId",
                table: "ArticleTerms",
                columns: new[] { "Term", "Weight", "ArticleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTerms_Term_Weight_ArticleId",
                table: "ArticleTerms");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTerms_Term_ArticleId_Weight",
                table: "ArticleTerms",
                columns: new[] { "Term", "ArticleId", "Weight" });
        }
    }
}
