"""Writes of the newcomer pipeline. Each checks who may do it (the programme team,
the référents of the project's committee, its sponsor), records who did what and
when, and tells the people concerned once the transaction has committed."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chat import services as chat
from chat.models import Message
from committees.models import CommitteePage
from committees.selectors import referents_of
from communes.models import Commune
from members import services as member_services
from members.models import Invitation, User
from welcome import emails, notices, selectors
from welcome.models import (
    CLOSED,
    PIPELINE,
    SETTLED,
    ChecklistItem,
    ChecklistTemplateItem,
    InstallationProject,
    Note,
    Person,
    Stage,
    StageChange,
)
from welcome.selectors import REFERENT, SPONSOR, TEAM

#: Moves the committee's people make themselves; the team makes every move.
FIELD_MOVES: dict[str, str] = {
    Stage.ROUTED: Stage.VISIT,
    Stage.VISIT: Stage.INSTALLED,
    Stage.INSTALLED: Stage.INTEGRATED,
}
#: A family that wrote to the team is answered within the hour, not per message.
PROSPECT_EMAIL_GAP = timedelta(hours=1)


def _role(user: User, project: InstallationProject, *allowed: str) -> str:
    role = selectors.role_on(user=user, project=project)
    if role is None or role not in allowed:
        raise PermissionDenied(_("You may not do this on this project."))
    return role


def _locked(project: InstallationProject) -> InstallationProject:
    return InstallationProject.objects.select_for_update().get(pk=project.pk)


# The family's side


@transaction.atomic
def project_submit(
    *,
    adults: list[dict[str, str]],
    children: list[dict[str, str]],
    email: str,
    phone: str = "",
    current_location: str,
    committees: Iterable[CommitteePage] = (),
    communes: Iterable[Commune] = (),
    timeline: str,
    tenure: str,
    housing_type: str,
    broadband: str,
    questions: str = "",
    language: str = settings.LANGUAGE_CODE,
) -> InstallationProject:
    """Store a family's project with its household, open its conversation with the
    programme team, tell the team, and e-mail the family its private link."""
    if not adults:
        raise ValidationError(_("Tell us about at least one adult."), code="adults")
    now = timezone.now()
    project = InstallationProject.objects.create(
        email=User.objects.normalize_email(email).lower(),
        phone=phone.strip(),
        current_location=current_location.strip(),
        timeline=timeline,
        tenure=tenure,
        housing_type=housing_type,
        broadband=broadband,
        questions=questions.strip(),
        language=language,
        consent_at=now,
        created_at=now,
        stage_changed_at=now,
    )
    project.area_committees.set(committees)
    project.area_communes.set(communes)
    Person.objects.bulk_create(
        [Person(project=project, is_adult=True, position=i, **adult)
         for i, adult in enumerate(adults)]
        + [Person(project=project, is_adult=False, position=i, **child)
           for i, child in enumerate(children)]
    )  # fmt: skip
    StageChange.objects.create(project=project, to_stage=Stage.RECEIVED, at=now)
    team = list(selectors.team_members())
    conversation_open(project=project, members=team)
    notices.project_received(project=project, team=team)
    transaction.on_commit(lambda: emails.send(project, emails.RECEIVED))
    return project


def conversation_open(*, project: InstallationProject, members: Iterable[User]) -> None:
    """Give the family its voice (an account that cannot log in, named after its
    first adult) and its conversation with `members`."""
    first = project.people.filter(is_adult=True).order_by("position").first()
    prospect = User(
        email=f"famille-{project.pk}@prospects.invalid",
        first_name=first.first_name if first else "",
        last_name=first.last_name if first else "",
        language=project.language,
        is_active=False,
    )
    prospect.set_unusable_password()
    prospect.save()
    project.prospect = prospect
    # Named for the team and the sponsor, in the programme's language.
    with translation.override(settings.LANGUAGE_CODE):
        project.conversation = chat.guest_conversation_create(
            name=_("Installation project: %(family)s")
            % {"family": project.family_name},
            description=_(
                "The family reads and answers from its private page, and is "
                "e-mailed when you write."
            ),
            guest=prospect,
            members=members,
        )
    project.save(update_fields=["prospect", "conversation"])


@transaction.atomic
def link_resend(*, email: str) -> int:
    """Send each open project of this address a new private link (earlier links
    stop working). Says nothing about whether the address is known."""
    projects = list(
        InstallationProject.objects.select_for_update().filter(
            email__iexact=email.strip(), anonymised_at__isnull=True
        )
    )
    for project in projects:
        project.link_version += 1
        project.save(update_fields=["link_version"])
        transaction.on_commit(partial(emails.send, project, emails.NEW_LINK))
    return len(projects)


@transaction.atomic
def prospect_message_post(*, project: InstallationProject, body: str) -> Message:
    """The family writes in its conversation with its sponsor and the team."""
    if project.conversation is None or project.prospect is None:
        raise PermissionDenied(_("This project has no conversation any more."))
    if project.anonymised_at:
        raise PermissionDenied(_("This project has no conversation any more."))
    if project.is_closed:
        raise ValidationError(
            _("This project is closed: write to contact@sohosolo.example."),
            code="closed",
        )
    return chat.guest_message_post(
        room=project.conversation, guest=project.prospect, body=body
    )


def message_posted(*, message: Message) -> None:
    """After a member wrote in a family's conversation: e-mail the family (at most
    once an hour), since they have no socket and no notifications."""
    project = (
        InstallationProject.objects.filter(
            conversation_id=message.room_id, anonymised_at__isnull=True
        )
        .exclude(prospect_id=message.author_id)
        .first()
    )
    if project is None:
        return
    quiet_since = timezone.now() - PROSPECT_EMAIL_GAP
    if project.prospect_emailed_at and project.prospect_emailed_at > quiet_since:
        return
    emails.send(project, emails.MESSAGE, author=message.author)


@transaction.atomic
def project_withdraw(*, project: InstallationProject) -> None:
    """The family withdraws its project: it is closed and its personal data erased
    at once (only dates and stages stay, for the programme's figures)."""
    project = _locked(project)
    if not project.is_closed:
        with translation.override(settings.LANGUAGE_CODE):  # read by the team
            reason = _("Withdrawn by the family")
        _move(project, Stage.ABANDONED, by=None, reason=reason)
    project_anonymise(project=project)


# The programme team's and the committee's side


def allowed_moves(*, user: User, project: InstallationProject) -> list[str]:
    """The stages `user` may move `project` to from where it is."""
    role = selectors.role_on(user=user, project=project)
    if role is None or project.anonymised_at:
        return []
    if project.is_closed:
        return [_stage_before_closing(project)] if role == TEAM else []
    step = project.step
    following = PIPELINE[step + 1] if step + 1 < len(PIPELINE) else None
    if role != TEAM:
        return [FIELD_MOVES[project.stage]] if project.stage in FIELD_MOVES else []
    moves: list[str] = []
    if following and (following != Stage.ROUTED or project.committee_id):
        moves.append(following)
    if step > 0:
        moves.append(PIPELINE[step - 1])
    moves.append(Stage.DEPARTED if project.stage in SETTLED else Stage.ABANDONED)
    return moves


def _stage_before_closing(project: InstallationProject) -> str:
    last = project.changes.filter(to_stage=project.stage).order_by("-at", "-pk").first()
    return last.from_stage if last and last.from_stage else Stage.RECEIVED


def _move(
    project: InstallationProject, to: str, *, by: User | None, reason: str = ""
) -> None:
    StageChange.objects.create(
        project=project, from_stage=project.stage, to_stage=to, by=by, reason=reason
    )
    project.stage = to
    project.stage_changed_at = timezone.now()
    project.closed_reason = reason if to in CLOSED else ""
    project.save(update_fields=["stage", "stage_changed_at", "closed_reason"])


@transaction.atomic
def project_move(
    *,
    project: InstallationProject,
    by: User,
    to: str,
    reason: str = "",
    expected: str = "",
) -> InstallationProject:
    """Move a project to another stage, recording who, when and (to close it) why.
    `expected` is the stage the mover saw: if someone moved it meanwhile, refuse."""
    project = _locked(project)
    if expected and project.stage != expected:
        raise ValidationError(
            _("Someone moved this project meanwhile: it is now « %(stage)s ».")
            % {"stage": project.get_stage_display()},
            code="moved",
        )
    if to not in allowed_moves(user=by, project=project):
        _role(by, project, TEAM, REFERENT, SPONSOR)
        if to == Stage.ROUTED and not project.committee_id:
            raise ValidationError(
                _("Choose the project's committee first."), code="committee"
            )
        raise ValidationError(
            _("A project at « %(from)s » cannot go to « %(to)s ».")
            % {"from": project.get_stage_display(), "to": Stage(to).label},
            code="not_allowed",
        )
    reason = reason.strip()
    if to in CLOSED and not reason:
        raise ValidationError(_("Say why the project stops."), code="reason")
    _move(project, to, by=by, reason=reason)
    if to == Stage.ROUTED:
        _checklist_ensure(project)
    return project


@transaction.atomic
def project_route(
    *, project: InstallationProject, by: User, committee: CommitteePage | None
) -> InstallationProject:
    """The team gives the project its committee: the committee's référents are told
    to choose a sponsor, the family is told who welcomes them, and the project
    gets its checklist. Routing elsewhere later takes the old sponsor off."""
    _role(by, project, TEAM)
    project = _locked(project)
    if project.is_closed or project.stage in SETTLED:
        raise ValidationError(
            _("Only a project on its way can be routed to a committee."),
            code="stage",
        )
    if committee is None:
        raise ValidationError(_("Choose a committee."), code="committee")
    if project.committee_id == committee.pk:
        return project
    if project.sponsor_id:
        _sponsor_leaves(project)
    project.committee = committee
    project.save(update_fields=["committee", "sponsor"])
    if project.step < PIPELINE.index(Stage.ROUTED):
        _move(project, Stage.ROUTED, by=by)
    _checklist_ensure(project)
    notices.project_routed(project=project, by=by)
    transaction.on_commit(lambda: emails.send(project, emails.STAGE))
    return project


def _sponsor_leaves(project: InstallationProject) -> None:
    if project.conversation is not None and project.sponsor is not None:
        chat.participant_remove(room=project.conversation, user=project.sponsor)
    project.checklist.filter(owner=project.sponsor).update(owner=None)
    project.sponsor = None


@transaction.atomic
def project_sponsor_set(
    *, project: InstallationProject, by: User, sponsor: User
) -> InstallationProject:
    """A référent of the committee (or the team) asks one of its members to sponsor
    the family: they join the family's conversation, take the checklist steps
    nobody holds, and are told; so is the family."""
    _role(by, project, TEAM, REFERENT)
    project = _locked(project)
    if project.committee_id is None or project.is_closed:
        raise ValidationError(
            _("Route the project to a committee first."), code="committee"
        )
    if not selectors.sponsor_choices(project=project).filter(pk=sponsor.pk).exists():
        assert project.committee is not None  # routed: checked just above
        raise ValidationError(
            _("The sponsor must be a member of the %(committee)s.")
            % {"committee": project.committee.title},
            code="sponsor",
        )
    if project.sponsor_id == sponsor.pk:
        return project
    if project.sponsor_id:
        _sponsor_leaves(project)
    project.sponsor = sponsor
    project.save(update_fields=["sponsor"])
    project.checklist.filter(owner__isnull=True).update(owner=sponsor)
    if project.conversation is not None:
        chat.participant_add(room=project.conversation, user=sponsor)
    notices.sponsor_assigned(project=project, by=by)
    transaction.on_commit(lambda: emails.send(project, emails.SPONSOR))
    return project


@transaction.atomic
def conversation_join(*, project: InstallationProject, by: User) -> None:
    """A member of the team who arrived after the project joins its conversation."""
    _role(by, project, TEAM)
    if project.conversation is None:
        raise ValidationError(_("This project has no conversation any more."))
    chat.participant_add(room=project.conversation, user=by)


def invitation_accepted(*, invitation: Invitation, user: User) -> None:
    """An adult of a settled family joined the network: they now write in their
    family's conversation as themselves."""
    adult = (
        Person.objects.filter(invitation=invitation)
        .select_related("project__conversation")
        .first()
    )
    if adult is not None and adult.project.conversation is not None:
        chat.participant_add(room=adult.project.conversation, user=user)


@transaction.atomic
def note_add(*, project: InstallationProject, by: User, body: str) -> Note:
    """A private note of the team (qualification, context): the team only reads it."""
    _role(by, project, TEAM)
    body = body.strip()
    if not body:
        raise ValidationError(_("Write the note first."), code="empty")
    return Note.objects.create(project=project, author=by, body=body)


def _checklist_ensure(project: InstallationProject) -> None:
    """A copy of the team's checklist, due from today (once per project)."""
    if project.checklist.exists():
        return
    today = timezone.localdate()
    ChecklistItem.objects.bulk_create(
        [ChecklistItem(project=project, title=step.title,
                       description=step.description, position=step.position,
                       due_on=today + timedelta(days=step.due_days),
                       owner=project.sponsor)
         for step in ChecklistTemplateItem.objects.all()]
    )  # fmt: skip


@transaction.atomic
def checklist_item_update(
    *,
    item: ChecklistItem,
    by: User,
    status: str,
    owner: User | None,
    due_on: date | None,
    notes: str,
) -> ChecklistItem:
    """The team, the référents or the sponsor update a step of the family's
    checklist; a new date means it may be told overdue again."""
    _role(by, item.project, TEAM, REFERENT, SPONSOR)
    item = ChecklistItem.objects.select_for_update().get(pk=item.pk)
    if item.project.is_closed:
        raise ValidationError(_("This project is closed."), code="closed")
    if status not in ChecklistItem.Status.values:
        raise ValidationError(_("Choose a status."), code="status")
    if owner is not None and not (
        selectors.owner_choices(project=item.project).filter(pk=owner.pk).exists()
    ):
        raise ValidationError(
            _("A step is held by a member of the committee or of the team."),
            code="owner",
        )
    if due_on != item.due_on:
        item.overdue_told_on = None
    item.status, item.owner, item.due_on = status, owner, due_on
    item.notes = notes.strip()
    item.updated_at, item.updated_by = timezone.now(), by
    item.save()
    return item


@transaction.atomic
def family_invite(
    *, project: InstallationProject, by: User
) -> tuple[list[Person], list[Person]]:
    """Invite the family's adults as members, into their committee, in one action
    (once the family is installed), and tell the committee. Returns the people
    invited and those skipped (no address, already a member, already invited)."""
    _role(by, project, TEAM, REFERENT)
    project = _locked(project)
    if project.stage not in SETTLED or project.committee_id is None:
        raise ValidationError(
            _("The family is invited once it is installed."), code="stage"
        )
    adults = list(project.people.filter(is_adult=True).select_related("invitation"))
    first_time = not any(adult.invitation_id for adult in adults)
    invited: list[Person] = []
    skipped: list[Person] = []
    for adult in adults:
        pending = adult.invitation and adult.invitation.status in (
            "pending",
            "accepted",
        )
        if not adult.email or pending:
            skipped.append(adult)
            continue
        committee = project.committee
        assert committee is not None  # installed: checked above
        try:
            invitation, _token = member_services.invitation_create(
                inviter=by,
                email=adult.email,
                committee=committee,
                message=_("Welcome to the Gers! The %(committee)s is glad to have you.")
                % {"committee": committee.title},
            )
        except ValidationError:  # already a member
            skipped.append(adult)
            continue
        adult.invitation = invitation
        adult.save(update_fields=["invitation"])
        invited.append(adult)
    if invited and first_time:
        notices.family_installed(project=project, by=by)
    return invited, skipped


# Periodic work (cron-safe: each run does what is left, and only that)


def overdue_notify(*, today: date | None = None) -> int:
    """Tell the sponsor, the référents and the holder of each checklist step that
    became overdue, once. Returns how many steps were told."""
    today = today or timezone.localdate()
    told = 0
    due = ChecklistItem.objects.filter(
        status__in=[ChecklistItem.Status.TODO, ChecklistItem.Status.DOING],
        due_on__lt=today,
        overdue_told_on__isnull=True,
        project__anonymised_at__isnull=True,
    ).exclude(project__stage__in=CLOSED)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            if not ChecklistItem.objects.filter(
                pk=pk, overdue_told_on__isnull=True
            ).update(overdue_told_on=today):
                continue  # another run took it
            item = ChecklistItem.objects.select_related(
                "project__committee", "project__sponsor", "owner"
            ).get(pk=pk)
            project = item.project
            # A project gets its checklist when it is routed to its committee.
            assert project.committee is not None
            people = {p.pk: p for p in referents_of(committee=project.committee)}
            for person in (project.sponsor, item.owner):
                if person is not None:
                    people[person.pk] = person
            notices.item_overdue(item=item, people=people.values())
            told += 1
    return told


@transaction.atomic
def project_anonymise(*, project: InstallationProject) -> None:
    """Erase what identifies the family: names, addresses, texts, notes and the
    conversation. Stages, dates, committee and sponsor stay, for the figures."""
    project = _locked(project)
    if project.anonymised_at:
        return
    project.people.update(first_name="", last_name="", email="", profession="")
    project.notes.all().delete()
    project.checklist.update(notes="")
    room, prospect = project.conversation, project.prospect
    project.email = f"projet-{project.pk}@anonyme.invalid"
    project.phone = project.current_location = project.questions = ""
    project.link_version += 1
    project.anonymised_at = timezone.now()
    project.conversation = project.prospect = None
    project.save()
    project.area_communes.clear()
    if room is not None:
        room.delete()
    if prospect is not None:
        prospect.delete()


def anonymise_expired(*, now: datetime | None = None) -> int:
    """Anonymise the projects abandoned longer ago than the retention period."""
    now = now or timezone.now()
    limit = now - timedelta(days=settings.WELCOME_RETENTION_DAYS)
    due = InstallationProject.objects.filter(
        stage=Stage.ABANDONED, stage_changed_at__lt=limit, anonymised_at__isnull=True
    )
    count = 0
    for pk in due.order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            # Claimed: a copy of the command running at the same moment skips the
            # project this one holds, and the one already done.
            project = due.select_for_update(skip_locked=True).filter(pk=pk).first()
            if project is None:
                continue
            project_anonymise(project=project)
            count += 1
    return count
