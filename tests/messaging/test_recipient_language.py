"""Mail in the recipient's language: what a member chose in their personal preferences (Plone's
``language`` member property), else the site's default, English; never the language of whoever
caused the mail. Over HTTP on the demo, through a real SMTP server."""

from clusterpolisee import _
from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.messaging.notifications import paragraphs
from clusterpolisee.messaging.notifications import recipient_language
from clusterpolisee.messaging.notifications import send_digests
from clusterpolisee.messaging.notifications import translate_for
from clusterpolisee.workspaces.vocabularies import DECISION_RESULTS
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import login_body
import pytest
import requests
import transaction


GROUP = "/working-groups/innovation-rd"
# The actor's requests ask for English, as an English-speaking member's browser does.
HEADERS = {
    "Accept": "application/json",
    "Content-Type": "application/json",
    "Accept-Language": "en",
}
# Members of the demo's WG4 (demo/data.py), each with the language they chose.
LANGUAGES = {"luca.bianchi": "it", "petra.novak": "de", "elena.popescu": ""}


@pytest.fixture
def site(demo_functional, functional, smtp_inbox):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for login, language in LANGUAGES.items():
            api.user.get(username=login).setMemberProperties({"language": language})
    transaction.commit()
    return portal.absolute_url(), smtp_inbox


def client(base, login):
    session = requests.Session()
    response = session.post(
        f"{base}/@login", json=login_body(login, DEMO_PASSWORD), headers=HEADERS
    )
    session.headers.update(HEADERS)
    session.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return session


def mail_to(inbox, login):
    (mail,) = inbox.to(f"{login}@example.org")
    return inbox.subject(mail), mail.get_payload(decode=True).decode()


class TestRecipientLanguage:
    def test_one_invitation_each_in_their_own_language_and_date_format(self, site):
        base, inbox = site
        # The leader, in English, invites an Italian, a German and a member who chose nothing.
        response = client(base, "nikos.papadopoulos").post(
            f"{base}{GROUP}/planning",
            json={
                "@type": "Meeting",
                "title": "Kick-off",
                "start": "2030-03-04T12:00:00+01:00",
                "end": "2030-03-04T14:00:00+01:00",
                "agenda": "Plan",
                "participants": list(LANGUAGES),
            },
        )
        assert response.status_code == 201, response.text
        inbox.wait(3)
        subject, body = mail_to(inbox, "luca.bianchi")
        assert subject.startswith("Invito: Kick-off, 04/03/2030 ")
        assert 'Sei invitato a "Kick-off" il 04/03/2030 ' in body
        assert "Ricevi questo messaggio per le tue impostazioni di notifica" in body
        subject, body = mail_to(inbox, "petra.novak")
        assert subject.startswith("Einladung: Kick-off, 04.03.2030 ")
        assert "Sie sind eingeladen zu „Kick-off“ am 04.03.2030 " in body
        assert "Sie erhalten diese Nachricht aufgrund Ihrer Benachrichtigungseinstellungen" in body
        # No language chosen: the site's, English.
        subject, body = mail_to(inbox, "elena.popescu")
        assert subject.startswith("Invitation: Kick-off, Mar 04, 2030 ")
        assert "You receive this because of your notification settings" in body

    def test_daily_digest_in_each_readers_language(self, site, functional):
        base, inbox = site
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            for login in LANGUAGES:
                api.user.get(username=login).setMemberProperties(
                    {"notification_frequency": "daily"}
                )
        transaction.commit()
        response = client(base, "nikos.papadopoulos").post(
            f"{base}/messages",
            json={
                "@type": "Message",
                "title": "Voucher figures",
                "recipients": list(LANGUAGES),
                "body": "The figures.",
            },
        )
        assert response.status_code == 201, response.text
        assert inbox.messages == []  # they read it in tomorrow's digest
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            transaction.begin()
            assert send_digests() == 3
            transaction.commit()
        inbox.wait(3)
        subject, body = mail_to(inbox, "luca.bianchi")
        assert subject == "Il tuo riepilogo giornaliero: 1 notifiche"
        assert "- Nuovo messaggio da Nikos Papadopoulos: Voucher figures" in body
        assert "Ricevi questo messaggio per le tue impostazioni di notifica" in body
        subject, body = mail_to(inbox, "petra.novak")
        assert subject == "Ihre tägliche Zusammenfassung: 1 Benachrichtigungen"
        assert "- Neue Nachricht von Nikos Papadopoulos: Voucher figures" in body
        subject, body = mail_to(inbox, "elena.popescu")
        assert subject == "Your daily digest: 1 notifications"
        assert "- New message from Nikos Papadopoulos: Voucher figures" in body

    def test_words_inside_a_message_and_languages_the_site_does_not_offer(self, site):
        # A vote's result inside the mail's text, and a comment after it: all in Italian.
        text = paragraphs(
            _(
                'The vote on "${title}" is closed. Result: ${result}.',
                mapping={"title": "Adopt", "result": dict(DECISION_RESULTS)["adopted"]},
            ),
            _("Comment: ${comment}", mapping={"comment": "Well done."}),
        )
        assert translate_for(text, "it") == (
            'La votazione su "Adopt" è chiusa. Risultato: Adottata.\n\nCommento: Well done.'
        )
        member = api.user.get(username="petra.novak")
        assert recipient_language(member) == "de"
        for chosen, language in (("it-IT", "it"), ("xx", "en"), ("", "en")):
            member.setMemberProperties({"language": chosen})
            assert recipient_language(member) == language
        transaction.abort()
