from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from directory.choices import (
    Accessibility,
    Country,
    EntryType,
    OrganisationType,
    PlaceKind,
    Relation,
)
from directory.filters import LABELS, DirectoryFilterForm
from publicforms.plain_text import validate_no_markup, validate_single_line

MIN_HEIGHT, MAX_HEIGHT, DEFAULT_HEIGHT = 300, 2000, 900


class EmbedOptionsForm(forms.Form):
    """How the widget is framed: which one, in which language, how tall, and its title."""

    widget = forms.ChoiceField(
        label=_("Widget"),
        choices=[("directory", _("Directory")), ("programme", _("Programme"))],
        widget=forms.RadioSelect,
        initial="directory",
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        help_text=_("The reader's language follows each visitor's browser settings."),
    )
    height = forms.IntegerField(
        label=_("Height in pixels"),
        min_value=MIN_HEIGHT,
        max_value=MAX_HEIGHT,
        initial=DEFAULT_HEIGHT,
    )
    title = forms.CharField(
        label=_("Title of the frame"),
        required=False,
        max_length=120,
        validators=[validate_single_line, validate_no_markup],
        help_text=_("Read out by screen readers; leave empty for the widget's name."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("The reader's language")), *settings.LANGUAGES]
        self.fields["height"].widget.attrs.update(min=MIN_HEIGHT, max=MAX_HEIGHT, step=50)
        self.fields["title"].widget.attrs["maxlength"] = 120

    def value(self, name):
        """The valid value of `name`, else its initial value (a bad height is not fatal)."""
        if self.is_bound:
            self.is_valid()
            if name not in self.errors and self.cleaned_data.get(name) not in (None, ""):
                return self.cleaned_data[name]
        return self.fields[name].initial


def _facet(name, choices):
    return forms.MultipleChoiceField(
        label=LABELS[name], choices=choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class EmbedDirectoryForm(DirectoryFilterForm):
    """The directory's parameters with its facets as fields, several values each, as the
    listing reads them (the listing itself reads facets without a form: their options and
    counts come from the search index)."""

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(
            entry=_facet("entry", EntryType.choices),
            type=_facet("type", OrganisationType.choices),
            relation=_facet("relation", Relation.choices),
            kind=_facet("kind", PlaceKind.choices),
            access=_facet("access", Accessibility.choices),
            theme=_facet("theme", [(theme.slug, theme.name) for theme in themes]),
            city=forms.CharField(label=LABELS["city"], required=False, max_length=100),
            country=forms.MultipleChoiceField(
                label=LABELS["country"], choices=Country.choices, required=False
            ),
        )
        # The listing's order: search box, facets, then where and how to show them.
        order = ["q", "entry", "type", "relation", "kind", "access", "theme", "city", "country"]
        self.order_fields([*order, "sort", "near", "radius", "view"])
