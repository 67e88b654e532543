"""The start-here guide on the home page in a real browser: the questions give a plan of
three steps whose links open, the plan is kept and comes back, it works by keyboard, and
without JavaScript the situations and their links are there instead."""

from __future__ import annotations

import urllib.request

import pytest
from conftest import PHONE
from page_checks import console_problems, focus_walk, open_page, page_problems, watch

pytestmark = pytest.mark.browser


def answer(page, situation: str, when: str, feeling: str, today: str) -> None:
    for name in (situation, when, feeling, today):
        page.get_by_role("radio", name=name, exact=True).check()
    page.get_by_role("button", name="Show my plan").click()


def plan_steps(page) -> list[str]:
    return [text.split(".")[0] for text in page.locator(".plan-result__steps > li").all_inner_texts()]


def test_the_questions_give_a_plan_that_opens_and_is_kept(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    watch(page, site_url)
    open_page(page, site_url)
    page.wait_for_selector(".plan-guide:not([hidden])")
    assert page.locator(".plan-situations").is_hidden()  # the questions take the list's place

    answer(page, "I got a rejection email", "In the last few days", "Let down, but OK", "Take a next step")
    assert plan_steps(page) == ["Let yourself feel it", "Write down what you remember", "Send a short, polite reply"]
    assert page.evaluate("document.activeElement.id") == "plan-title"
    assert "A few days on" in page.locator(".plan-result__note").inner_text()
    # Every link of the plan opens a page of the site.
    for href in page.locator(".plan-result__steps a").evaluate_all("links => links.map(link => link.href)"):
        with urllib.request.urlopen(href.split("#")[0]) as response:
            assert response.status == 200, href
    assert page_problems(page) == []

    # Feeling very low puts "Stop for today" first, and the plan stays at three steps.
    page.get_by_role("button", name="Start again").click()
    answer(page, "I was turned down after a final round", "Today", "Very low", "Take a next step")
    assert plan_steps(page) == ["Stop for today", "Count it as progress", "Ask what made the difference"]
    assert page.evaluate("localStorage.getItem('turning-no:/:plan')") is None  # nothing kept until asked
    page.get_by_role("button", name="Keep this plan in My space").click()
    assert "Kept in My space" in page.locator(".plan-result__status").inner_text()
    kept = page.evaluate("JSON.parse(localStorage.getItem('turning-no:/:plan')).data")
    assert kept["situation"] == "final-round"
    assert kept["steps"][2] == {
        "title": "Ask what made the difference.",
        "href": "/strategies/ask-for-feedback/email/#ask-for-feedback-after-a-final-round",
    }

    page.reload()
    page.wait_for_selector(".plan-result:not([hidden])")
    assert plan_steps(page) == ["Stop for today", "Count it as progress", "Ask what made the difference"]
    assert "You made this plan on" in page.locator(".plan-result__made").inner_text()
    assert page.locator(".plan-guide").is_hidden()
    assert console_problems(page) == []
    context.close()


def test_the_questions_work_from_the_keyboard(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    watch(page, site_url)
    open_page(page, site_url)
    page.wait_for_selector(".plan-guide:not([hidden])")
    page.locator("input[name=situation]").first.focus()
    for _ in range(4):  # one arrow picks within a group, Tab goes to the next question
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(".plan-result:not([hidden])")
    assert len(plan_steps(page)) == 3
    page.locator("input[name=situation]").first.evaluate("box => box.closest('form').hidden = false")
    page.locator("input[name=situation]").first.focus()
    assert focus_walk(page, steps=8, within=".plan-guide") == []
    context.close()


def test_without_javascript_every_situation_and_its_links_are_there(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator(".plan-guide").is_hidden()
    situations = page.locator(".plan-situation")
    assert situations.count() == 5
    for index in range(situations.count()):
        situation = situations.nth(index)
        situation.locator("summary").click()  # details opens without a script
        assert situation.locator("ol > li").count() == 3
        assert situation.locator("ol > li a").count() >= 3
    context.close()
