"""The family's private link: no password, a signed token that names the project
and its link version, valid for `WELCOME_LINK_DAYS`. Asking for a new link, or
the team revoking the old ones, bumps the version, so earlier links stop working."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from intranet.links import reverse
from intranet.mail import absolute_url
from welcome.models import InstallationProject

SALT = "welcome.project-link"
SESSION_KEY = "welcome_project"
VALID, EXPIRED, INVALID = "valid", "expired", "invalid"


@dataclass(frozen=True)
class Checked:
    status: str
    project: InstallationProject | None = None


def token_for(project: InstallationProject) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"p": project.pk, "v": project.link_version}, compress=True
    )


def url_for(project: InstallationProject) -> str:
    return absolute_url(reverse("welcome:link", args=[token_for(project)]))


def _project(pk, version) -> InstallationProject | None:
    return InstallationProject.objects.filter(
        pk=pk, link_version=version, anonymised_at__isnull=True
    ).first()


def check(token: str) -> Checked:
    signer = signing.TimestampSigner(salt=SALT)
    max_age = settings.WELCOME_LINK_DAYS * 24 * 3600
    try:
        data = signer.unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        return Checked(EXPIRED)
    except (signing.BadSignature, ValueError, TypeError):
        return Checked(INVALID)
    project = _project(data.get("p"), data.get("v")) if isinstance(data, dict) else None
    if project is None:  # revoked by a newer link, or erased
        return Checked(INVALID)
    return Checked(VALID, project)


def remember(request, project: InstallationProject) -> None:
    """The link opens the family's page for this browser session."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = [project.pk, project.link_version]


def project_of(request) -> InstallationProject | None:
    pk, version = request.session.get(SESSION_KEY) or (None, None)
    return _project(pk, version) if pk else None


def forget(request) -> None:
    request.session.pop(SESSION_KEY, None)
