"""The pin on the organisation and place forms: latitude and longitude typed as people type
them (a comma as decimal separator, more decimals than we keep), or placed on the map by
static/js/location-picker.js, which only fills these two fields."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from directory.geocoding import SIX_PLACES, provider

MINUS_SIGNS = ("\u2212", "\u2013")  # typed or pasted from a word processor


class CoordinateField(forms.Field):
    """Decimal degrees within ±`limit`, rounded to the six places the page stores (about
    ten centimetres): extra decimals are rounded, never refused."""

    widget = forms.TextInput

    def __init__(self, limit, **kwargs):
        self.limit = Decimal(limit)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # Text, not a number input: browsers empty a number input holding "48,87".
        return {"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"}

    def to_python(self, value):
        text = str(value or "").strip().replace(",", ".")
        for sign in MINUS_SIGNS:
            text = text.replace(sign, "-")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite() or "_" in text:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if abs(number) > self.limit:
            raise ValidationError(self.error_messages["range"], code="range")
        return number.quantize(SIX_PLACES, rounding=ROUND_HALF_UP)

    def prepare_value(self, value):
        # 48.871800 as stored reads 48.8718 in the form.
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        return value


class LocationFields(forms.Form):
    """The "Location on the map" fieldset; both coordinates or neither."""

    latitude = CoordinateField(
        90,
        label=_("Latitude"),
        help_text=_("Between -90 and 90, e.g. 48.8718."),
        error_messages={
            "invalid": _("Enter the latitude as a number in decimal degrees, e.g. 48.8718."),
            "range": _("The latitude must be between -90 and 90."),
        },
    )
    longitude = CoordinateField(
        180,
        label=_("Longitude"),
        help_text=_("Between -180 and 180, e.g. 2.3628."),
        error_messages={
            "invalid": _("Enter the longitude as a number in decimal degrees, e.g. 2.3628."),
            "range": _("The longitude must be between -180 and 180."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # publicforms/_form.html renders both fields inside this fieldset template.
        self.fields["latitude"].grouped = self.fields["longitude"].grouped = True
        self.fields["latitude"].group_template = "submissions/_location_fieldset.html"

    @property
    def location_help(self):
        if provider():
            return _(
                "Decimal degrees, as most online maps show them. Leave both fields empty "
                "and we will place it from the address."
            )
        return _(
            "Decimal degrees, as most online maps show them. Leave both fields empty "
            "if you prefer: our team will place it."
        )

    @property
    def location_map(self):
        return {
            "tile_url": settings.PORTAL_MAP_TILE_URL,
            "attribution": settings.PORTAL_MAP_TILE_ATTRIBUTION,
        }

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        # A field already refused has its own message: do not add a second one.
        if "latitude" in self.errors or "longitude" in self.errors:
            return cleaned
        if latitude is None and longitude is not None:
            self.add_error("latitude", _("Enter the latitude too, or leave both fields empty."))
        if longitude is None and latitude is not None:
            self.add_error("longitude", _("Enter the longitude too, or leave both fields empty."))
        return cleaned
