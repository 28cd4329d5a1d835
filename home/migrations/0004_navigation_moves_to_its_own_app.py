"""The settings, menu and footer now belong to the navigation app (their tables are kept)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_latest_news_block"),
        ("navigation", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="MenuItem"),
                migrations.DeleteModel(name="MainMenu"),
                migrations.DeleteModel(name="SiteFooter"),
                migrations.DeleteModel(name="SiteSettings"),
            ],
        )
    ]
