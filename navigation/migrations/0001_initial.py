"""The settings, menu and footer move here from the home app, with their rows.

The tables already exist (created by home's migrations): this migration only tells Django
that they belong to this app now, and moves their content types, so that the permissions
granted on them, their translations and references keep pointing at the same rows.
"""

import uuid

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MODELS = ["sitesettings", "sitefooter", "mainmenu", "menuitem"]


def move_content_types(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if ContentType.objects.filter(app_label=to_label, model=model).exists():
            continue  # a fresh database: Django creates it after the migrations
        ContentType.objects.filter(app_label=from_label, model=model).update(app_label=to_label)


def forwards(apps, schema_editor):
    move_content_types(apps, "home", "navigation")


def backwards(apps, schema_editor):
    move_content_types(apps, "navigation", "home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_latest_news_block"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("contact_email", models.EmailField(blank=True, max_length=254, verbose_name="contact e-mail")),
                        ("phone", models.CharField(blank=True, max_length=40, verbose_name="phone")),
                        ("street_address", models.CharField(blank=True, max_length=200, verbose_name="street address")),
                        ("postcode", models.CharField(blank=True, max_length=20, verbose_name="postcode")),
                        ("city", models.CharField(blank=True, max_length=100, verbose_name="city")),
                        ("country", models.CharField(blank=True, max_length=100, verbose_name="country")),
                        ("mastodon_url", models.URLField(blank=True, verbose_name="Mastodon")),
                        ("linkedin_url", models.URLField(blank=True, verbose_name="LinkedIn")),
                        ("instagram_url", models.URLField(blank=True, verbose_name="Instagram")),
                        ("newsletter_url", models.URLField(blank=True, verbose_name="newsletter")),
                        ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
                    ],
                    options={"verbose_name": "site settings", "db_table": "home_sitesettings"},
                ),
                migrations.CreateModel(
                    name="SiteFooter",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("opening_hours", wagtail.fields.RichTextField(blank=True, verbose_name="opening hours")),
                        ("footer_text", wagtail.fields.RichTextField(blank=True, verbose_name="footer text")),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                    ],
                    options={
                        "verbose_name": "footer",
                        "verbose_name_plural": "footers",
                        "abstract": False,
                        "unique_together": {("translation_key", "locale")},
                        "db_table": "home_sitefooter",
                    },
                ),
                migrations.CreateModel(
                    name="MainMenu",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                    ],
                    options={
                        "verbose_name": "main menu",
                        "verbose_name_plural": "main menus",
                        "abstract": False,
                        "unique_together": {("translation_key", "locale")},
                        "db_table": "home_mainmenu",
                    },
                ),
                migrations.CreateModel(
                    name="MenuItem",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        ("label", models.CharField(blank=True, help_text="Leave empty to use the page title.", max_length=60, verbose_name="label")),
                        ("link_url", models.URLField(blank=True, verbose_name="external address")),
                        ("link_page", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.WAGTAIL_PAGE_MODEL, verbose_name="page")),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                        ("menu", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="items", to="navigation.mainmenu")),
                    ],
                    options={
                        "verbose_name": "menu item",
                        "ordering": ["sort_order"],
                        "abstract": False,
                        "unique_together": {("translation_key", "locale")},
                        "db_table": "home_menuitem",
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
