using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Authors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Authors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Bio = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Picture = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Authors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StoryAuthors",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryAuthors", x => new { x.ArticleId, x.AuthorId });
                    table.ForeignKey(
                        name: "FK_StoryAuthors_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StoryAuthors_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Slug",
                table: "Authors",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Authors_UserId",
                table: "Authors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryAuthors_AuthorId_ArticleId",
                table: "StoryAuthors",
                columns: new[] { "AuthorId", "ArticleId" });

            MoveBylinesToAuthors(migrationBuilder);

            // SQLite drops the column in place. EF's DropColumn would rebuild the table, and a
            // rebuild of Articles drops the search triggers (see AddArticleSearch).
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN "Author";""");
        }

        /// <summary>
        /// Every distinct byline (ignoring case) becomes an author, with a slug made as
        /// Stories.Slug makes one for the usual Latin names (accents folded, anything else a
        /// hyphen), "author" when nothing is left, and -2, -3 for repeats; each story is linked to
        /// its byline's author.
        /// </summary>
        private static void MoveBylinesToAuthors(MigrationBuilder migrationBuilder)
        {
            var folded = "lower(trim(name))";
            foreach (var (from, to) in Folds)
            {
                folded = $"replace({folded}, '{from}', '{to}')";
            }
            migrationBuilder.Sql($"""
                CREATE TEMP TABLE "BylineSlugs" AS
                WITH RECURSIVE
                    names(name) AS (
                        SELECT min(trim("Author")) FROM "Articles" WHERE trim("Author") <> ''
                        GROUP BY trim("Author") COLLATE NOCASE),
                    chars(name, rest, slug) AS (
                        SELECT name, {folded}, '' FROM names
                        UNION ALL
                        SELECT name, substr(rest, 2), slug || CASE
                            WHEN substr(rest, 1, 1) BETWEEN 'a' AND 'z' OR substr(rest, 1, 1) BETWEEN '0' AND '9' THEN substr(rest, 1, 1)
                            WHEN slug = '' OR substr(slug, -1) = '-' THEN ''
                            ELSE '-' END
                        FROM chars WHERE rest <> '')
                SELECT name, coalesce(nullif(trim(substr(slug, 1, 100), '-'), ''), 'author') AS base
                FROM chars WHERE rest = '';
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Authors" ("Name", "Slug", "Bio")
                SELECT name, CASE WHEN n = 1 THEN base ELSE base || '-' || n END, ''
                FROM (SELECT name, base, row_number() OVER (PARTITION BY base ORDER BY name) AS n FROM "BylineSlugs");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "StoryAuthors" ("ArticleId", "AuthorId", "Position")
                SELECT a."Id", au."Id", 0
                FROM "Articles" a JOIN "Authors" au ON au."Name" = trim(a."Author") COLLATE NOCASE
                WHERE trim(a."Author") <> '';
                """);
            migrationBuilder.Sql("""DROP TABLE temp."BylineSlugs";""");
        }

        // What Unicode decomposition makes of the accented letters of Latin names, as Slug.From folds them.
        private static readonly (string From, string To)[] Folds =
        [
            ("á", "a"), ("à", "a"), ("â", "a"), ("ä", "a"), ("ã", "a"), ("å", "a"), ("ą", "a"), ("ă", "a"),
            ("Á", "a"), ("À", "a"), ("Â", "a"), ("Ä", "a"), ("Ã", "a"), ("Å", "a"),
            ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("ę", "e"), ("ě", "e"), ("É", "e"), ("È", "e"), ("Ê", "e"), ("Ë", "e"),
            ("í", "i"), ("ì", "i"), ("î", "i"), ("ï", "i"), ("Í", "i"), ("Î", "i"),
            ("ó", "o"), ("ò", "o"), ("ô", "o"), ("ö", "o"), ("õ", "o"), ("ő", "o"), ("Ó", "o"), ("Ö", "o"), ("Ô", "o"),
            ("ú", "u"), ("ù", "u"), ("û", "u"), ("ü", "u"), ("ů", "u"), ("ű", "u"), ("Ú", "u"), ("Ü", "u"),
            ("ý", "y"), ("ÿ", "y"), ("Ý", "y"), ("ñ", "n"), ("ń", "n"), ("ň", "n"), ("Ñ", "n"),
            ("ç", "c"), ("ć", "c"), ("č", "c"), ("Ç", "c"), ("Č", "c"), ("ś", "s"), ("š", "s"), ("ş", "s"), ("Š", "s"), ("Ś", "s"),
            ("ź", "z"), ("ż", "z"), ("ž", "z"), ("Ž", "z"), ("ř", "r"), ("Ř", "r"), ("ď", "d"), ("ť", "t"), ("ğ", "g"),
            ("ß", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("ø", "o"), ("Ø", "o"), ("ł", "l"), ("Ł", "l"), ("đ", "d"), ("ð", "d"), ("þ", "th"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "Articles",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
            // The byline as text again: the names in order, as the story page wrote them.
            migrationBuilder.Sql("""
                UPDATE "Articles" SET "Author" = coalesce((
                    SELECT substr(group_concat(name, ', '), 1, 200) FROM (
                        SELECT au."Name" AS name FROM "StoryAuthors" l JOIN "Authors" au ON au."Id" = l."AuthorId"
                        WHERE l."ArticleId" = "Articles"."Id" ORDER BY l."Position")), '');
                """);

            migrationBuilder.DropTable(
                name: "StoryAuthors");

            migrationBuilder.DropTable(
                name: "Authors");
        }
    }
}
