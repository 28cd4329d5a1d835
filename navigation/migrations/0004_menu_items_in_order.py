"""Menu items saved without a position (the demo's) get one, in the order readers saw them
on the default database (SQLite lists unnumbered items first, by creation)."""

from django.db import migrations


def number_items(apps, schema_editor):
    MenuItem = apps.get_model("navigation", "MenuItem")
    menus = (
        MenuItem.objects.filter(sort_order__isnull=True).values_list("menu_id", flat=True).distinct()
    )
    for menu_id in list(menus):
        items = list(MenuItem.objects.filter(menu_id=menu_id))
        items.sort(key=lambda item: (item.sort_order is not None, item.sort_order or 0, item.pk))
        for position, item in enumerate(items):
            if item.sort_order != position:
                item.sort_order = position
                item.save(update_fields=["sort_order"])


class Migration(migrations.Migration):
    dependencies = [("navigation", "0003_site_settings_share_image")]

    operations = [migrations.RunPython(number_items, migrations.RunPython.noop)]
