"""The REST channel refuses any request without the shared secret, before the bot sees it.

The channel is mounted the way ``rasa run`` mounts it (``rasa.core.channels.channel.
register`` on a Sanic app) and served on 127.0.0.1; a recording agent stands in for the
trained bot, so a refused request is seen to reach nothing.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import requests
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

with warnings.catch_warnings():
    # Rasa's run module imports sanic_cors, which warns about distutils at import.
    warnings.simplefilter("ignore", DeprecationWarning)
    from rasa.core.run import create_http_input_channels

from rest_channel import SECRET_HEADER, SecretRestInput

SECRET = "the-gateways-secret"
WEBHOOK = "/webhooks/rest/webhook"
MESSAGE = {"sender": "conv-123", "message": "yes", "metadata": {"channel": "sms"}}


@dataclass
class RecordingAgent:
    """Stands in for Rasa's agent: records each message and answers it."""

    messages: list[UserMessage] = field(default_factory=list)

    async def handle_message(self, message: UserMessage) -> None:
        self.messages.append(message)
        await message.output_channel.send_text_message(message.sender_id, "Hi from the bot")


@dataclass
class Served:
    url: str
    agent: RecordingAgent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    agent = RecordingAgent()
    app = Sanic("rest_channel_test", configure_logging=False)
    app.ctx.agent = agent
    register([SecretRestInput.from_credentials({"secret": SECRET})], app, route="/webhooks/")
    port = free_port()
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True))
    loop.run_until_complete(server.startup())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield Served(f"http://127.0.0.1:{port}", agent)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=10)
    server.server.close()
    loop.run_until_complete(server.server.wait_closed())
    loop.close()


@pytest.fixture
def agent(served: Served) -> RecordingAgent:
    served.agent.messages.clear()
    return served.agent


def post(served: Served, headers: dict[str, str]) -> requests.Response:
    return requests.post(served.url + WEBHOOK, json=MESSAGE, headers=headers, timeout=10)


@pytest.mark.parametrize("headers", [
    {},
    {SECRET_HEADER: ""},
    {SECRET_HEADER: "wrong"},
    {SECRET_HEADER: SECRET + "x"},
    {SECRET_HEADER: SECRET[:-1]},
    {SECRET_HEADER: SECRET.upper()},
    {"Authorization": f"Bearer {SECRET}"},
])
def test_a_message_without_the_secret_is_403_and_reaches_no_one(
        served: Served, agent: RecordingAgent, headers: dict[str, str]) -> None:
    response = post(served, headers)
    assert response.status_code == 403
    assert response.json() == {"error": "forbidden"}
    assert agent.messages == []


def test_a_message_with_the_secret_reaches_the_bot_as_before(
        served: Served, agent: RecordingAgent) -> None:
    response = post(served, {SECRET_HEADER: SECRET})
    assert response.status_code == 200
    assert response.json() == [{"recipient_id": "conv-123", "text": "Hi from the bot"}]
    [message] = agent.messages
    assert (message.sender_id, message.text, message.metadata, message.input_channel) == (
        "conv-123", "yes", {"channel": "sms"}, "rest")


def test_the_channels_other_routes_are_behind_the_secret_too(served: Served) -> None:
    assert requests.get(served.url + "/webhooks/rest/", timeout=10).status_code == 403
    assert requests.get(served.url + "/webhooks/rest/", timeout=10,
                        headers={SECRET_HEADER: SECRET}).status_code == 200


@pytest.mark.parametrize("credentials", [None, {}, {"secret": ""}, {"secret": None}])
def test_the_channel_will_not_start_without_a_secret(credentials: dict | None) -> None:
    with pytest.raises(ValueError, match="RASA_CHANNEL_SECRET"):
        SecretRestInput.from_credentials(credentials)


# Rasa validates YAML with pykwalify, which loads its extensions the deprecated way.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_rasa_run_makes_this_channel_from_credentials_yml_and_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_CHANNEL_SECRET", SECRET)
    [channel] = create_http_input_channels(None, "credentials.yml")
    assert isinstance(channel, SecretRestInput) and channel.secret == SECRET
    assert channel.url_prefix() == "rest"  # the gateway's URL is unchanged
