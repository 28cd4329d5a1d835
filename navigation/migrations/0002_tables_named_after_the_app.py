"""The moved tables take this app's names (home_mainmenu becomes navigation_mainmenu...)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("navigation", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ("sitesettings", "sitefooter", "mainmenu", "menuitem")
    ]
