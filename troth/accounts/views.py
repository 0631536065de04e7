from __future__ import annotations

import json

from allauth.account.decorators import reauthentication_required
from allauth.mfa.utils import is_mfa_enabled
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts import devices, services
from troth.accounts.forms import DeleteAccountForm, ProfileForm, ThemeForm
from troth.accounts.models import SignIn
from troth.accounts.sessions import same_session
from troth.lib.downloads import password_prompt, personal_download
from troth.lib.formpages import form_page
from troth.lib.http import AuthedRequest

HISTORY_LIMIT = 200


def duration_text(seconds: int) -> str:
    """ "3 days", "12 hours": how the session lifetimes are said."""
    if seconds % 86400 == 0:
        days = seconds // 86400
        return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
    hours = max(1, round(seconds / 3600))
    return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}


def settings_page(
    request: AuthedRequest,
    form: ProfileForm | None = None,
    theme_form: ThemeForm | None = None,
) -> HttpResponse:
    """The settings page; a form given with its errors answers 400."""
    refused = form is not None or theme_form is not None
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form or ProfileForm(instance=request.user),
            "theme_form": theme_form or ThemeForm(instance=request.user),
            "mfa_enabled": is_mfa_enabled(request.user),
        },
        status=400 if refused else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthedRequest) -> HttpResponse:
    if request.method != "POST":
        return settings_page(request)
    return _save_settings(
        request, ProfileForm, "form", _("Your settings are saved."), fields=None
    )


@login_required
@require_POST
def appearance(request: AuthedRequest) -> HttpResponse:
    """Light, dark, or as this device is set: base.html reads the choice."""
    return _save_settings(
        request,
        ThemeForm,
        "theme_form",
        _("Troth will look like this on every device."),
        fields=["theme"],
    )


@login_required
@require_GET
def install(request: AuthedRequest) -> HttpResponse:
    """How to put Troth on a home screen, for each kind of device, and the
    name it will have there (TROTH_APP_NAME)."""
    return render(request, "accounts/install.html")


def _save_settings(request, form_class, name: str, done: str, *, fields):
    """One settings card's form saved, or the settings page again with its
    errors (and the person as stored, so the page shows what holds)."""
    form = form_class(request.POST, instance=request.user)
    if not form.is_valid():
        if fields:
            request.user.refresh_from_db(fields=fields)
        return settings_page(request, **{name: form})
    form.save()
    messages.success(request, done)
    return redirect("accounts:profile")


@login_required
@require_GET
def sessions(request: AuthedRequest) -> HttpResponse:
    current_key = request.session.session_key
    rows = [
        {
            "session": s,
            "device": devices.describe(s.user_agent),
            "place": devices.place(s.ip),
            "current": same_session(s.session_key, current_key),
        }
        for s in services.sessions_of(request.user)
    ]
    rows.sort(key=lambda r: (not r["current"], -r["session"].last_seen_at.timestamp()))
    return render(
        request,
        "accounts/sessions.html",
        {
            "rows": rows,
            "others": sum(1 for r in rows if not r["current"]),
            "idle": duration_text(settings.SESSION_IDLE_TIMEOUT),
            "lifetime": duration_text(settings.SESSION_COOKIE_AGE),
        },
    )


@login_required
@require_POST
def session_end(request: AuthedRequest, pk: int) -> HttpResponse:
    # Only the account's own sessions: a partner's, or anyone's, is a 404.
    session = UserSession.objects.filter(pk=pk, user=request.user).first()
    if session is None:
        raise Http404
    was_current = services.session_end(request=request, session=session)
    if was_current:
        return redirect("account_login")
    messages.success(request, _("That session has ended. It is signed out."))
    return redirect("accounts:sessions")


@login_required
@require_POST
def sessions_end_others(request: AuthedRequest) -> HttpResponse:
    ended = services.sessions_end_others(request=request)
    messages.success(
        request,
        ngettext(
            "%(n)d other session has ended.",
            "Every other session has ended (%(n)d).",
            ended,
        )
        % {"n": ended}
        if ended
        else _("Every other session has ended."),
    )
    return redirect("accounts:sessions")


@login_required
@require_GET
def history(request: AuthedRequest) -> HttpResponse:
    attempts = list(
        SignIn.objects.visible_to(request.user).recent()[: HISTORY_LIMIT + 1]
    )
    rows = [
        {
            "attempt": a,
            "device": devices.describe(a.user_agent),
            "place": devices.place(a.ip),
            "method": services.METHOD_LABELS.get(a.method, ""),
        }
        for a in attempts[:HISTORY_LIMIT]
    ]
    return render(
        request,
        "accounts/history.html",
        {
            "rows": rows,
            "more": len(attempts) > HISTORY_LIMIT,
            "limit": HISTORY_LIMIT,
            "days": SignIn.KEEP_FOR.days,
        },
    )


@login_required
@require_GET
def export(request: AuthedRequest) -> HttpResponse:
    """The export page asks for the password first, then offers the files
    (troth/lib/downloads.py)."""
    return render(
        request,
        "accounts/export.html",
        {
            "has_calendar": services.calendar_export_available(),
            "prompt": password_prompt(request),
        },
    )


def _filename(ext: str) -> str:
    return f"troth-export-{timezone.localdate():%Y-%m-%d}.{ext}"


@personal_download(back="accounts:export")
def export_json(request: AuthedRequest) -> HttpResponse:
    archive = services.account_export(user=request.user)
    response = HttpResponse(
        json.dumps(archive, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response


@personal_download(back="accounts:export")
def export_ics(request: AuthedRequest) -> HttpResponse:
    calendar = services.calendar_export(user=request.user)
    if calendar is None:
        raise Http404
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("ics")}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def delete(request: AuthedRequest) -> HttpResponse:
    """Delete the account, after the password (or a second factor) again
    and the typed words. allauth replays this POST after re-authentication."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.account_delete(request=request, keep_shared=form.keep_shared)
        # Rendered, not redirected: the browser is told to forget this site,
        # and a message waiting in a cookie would be forgotten with it.
        response = render(request, "accounts/deleted.html")
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        devices.forget_device(response)
        return response
    return form_page(request, "accounts/delete.html", form)
