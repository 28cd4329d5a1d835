"""What the embed builder page shows for the partner's choices: the chosen widget's own filter
form, the embed address, the code to copy and the preview."""

from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.choices import Sort
from directory.models import Theme
from programme.forms import ProgrammeFilterForm
from programme.models import EventPage, FestivalPage

from .forms import EmbedDirectoryForm, EmbedOptionsForm
from .widgets import WIDGETS, embed_path, index_page, localise_params, query_string

OPTION_NAMES = ("widget", "language", "height", "title")


def _filter_form(widget, params, locale):
    """The widget's own filter form (the same fields the listing reads) and its valid values.

    Empty values mean "no filter"; they are dropped first, so the other widget's empty
    fields (sent when the partner switches widgets) raise no error here.
    """
    params = _without_empty(params)
    if widget == "directory":
        themes = Theme.objects.filter(locale=locale).order_by("name")
        form = EmbedDirectoryForm(params, themes=themes)
        # The listing's own order unless the partner picks one (it depends on the filters).
        form.fields["sort"].choices = [("", _("The directory's order")), *Sort.choices]
        values = form.values
        if values.get("view") == "list":  # the default: no need to say it
            del values["view"]
        return form, values
    # The festivals the programme page of that language offers (ProgrammePage.filter_form).
    if params.get("view") == "list":  # the directory's list; the programme's is the default
        del params["view"]
    programme = index_page("programme", locale)
    if programme is not None:
        form = programme.filter_form(params)
    else:
        festivals = FestivalPage.objects.live().public().filter(locale=locale)
        events = EventPage.objects.none()  # no programme page: no outside venue to offer
        form = ProgrammeFilterForm(params, locale=locale, events=events, festivals=festivals)
    form.is_valid()
    values = QueryDict(form.querystring())
    return form, {name: values.getlist(name) for name in values}


def _without_empty(params):
    kept = QueryDict(mutable=True)
    for name, values in params.lists():
        values = [value for value in values if value != ""]
        if values:
            kept.setlist(name, values)
    return kept


def _frame_title(widget, language):
    with translation.override(language or translation.get_language()):
        if widget == "directory":
            return _("Directory of Les Halles Civiques")
        return _("Programme of Les Halles Civiques")


def build(page, request):
    params = request.GET
    options = EmbedOptionsForm(params if params else None)
    options_valid = options.is_valid() if options.is_bound else True
    widget = params.get("widget") if params.get("widget") in WIDGETS else "directory"
    filter_form, values = _filter_form(widget, params, page.locale)
    filter_form.label_suffix = options.label_suffix = ""  # labels stand alone, as elsewhere
    query = QueryDict(query_string(values))
    language = options.value("language")
    if language:
        locale = Locale.objects.filter(language_code=language).first() or page.locale
        target = index_page(widget, locale)
        if target is not None:
            query = localise_params(widget, query, target.locale)
            with translation.override(target.locale.language_code):
                path = embed_path(widget, target)
    else:
        target = index_page(widget, page.locale)
        path = reverse("embed_builder:reader_language", kwargs={"widget": widget})
    context = {
        "options": options,
        "filter_form": filter_form,
        "widget": widget,
        "options_valid": options_valid,
        "embed_url": "",
    }
    if target is None:
        return context
    encoded = query.urlencode()
    embed_url = request.build_absolute_uri(path + (f"?{encoded}" if encoded else ""))
    title = options.value("title") or _frame_title(widget, language)
    height = options.value("height")
    context.update(
        embed_url=embed_url,
        frame_title=title,
        height=height,
        code=format_html(
            '<iframe src="{}" title="{}" style="width: 100%" height="{}" loading="lazy"></iframe>',
            embed_url,
            title,
            height,
        ),
    )
    return context
