using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FrontPageAndCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BreakingUntil",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Correction",
                table: "Articles",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CorrectionHtml",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "FeaturedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NotifiedUpdateAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_BreakingUntil",
                table: "Articles",
                column: "BreakingUntil",
                filter: "\"BreakingUntil\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_FeaturedAt",
                table: "Articles",
                column: "FeaturedAt",
                filter: "\"FeaturedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.DropIndex(
                name: "IX_Articles_BreakingUntil",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_FeaturedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "BreakingUntil",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Correction",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectionHtml",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "FeaturedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "NotifiedUpdateAt",
                table: "Articles");
        }
    }
}
