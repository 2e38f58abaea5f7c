"""Finding names as people type them: characters, pinyin in full, initials, or a mix."""

from __future__ import annotations

import pytest

from fieldvisit.services.name_search import matches, normalize_query, syllables

PAN = "潘建新"


@pytest.mark.parametrize("query", [
    "pjx", "panjianxin", "panjx", "jianxin", "PJX", "pan jian xin", "潘建", "建新",
    "pan", "p", "jx", "xin", "PanJianXin", "pan-jian-xin", "pan'jian'xin", "  pjx  ",
    "panjianx", "pajix", "潘建新",
])
def test_pan_jianxin_is_found(query):
    assert matches(query, PAN)


@pytest.mark.parametrize("query", [
    "xyz", "pjxx", "jxp", "xjp", "pz", "panjianxinx", "pjianxinn", "潘新", "新建", "潘建新潘",
])
def test_pan_jianxin_is_not_found(query):
    assert not matches(query, PAN)


@pytest.mark.parametrize("query", ["zmm", "zhongmianmian", "ZMM", "zhongmm", "mianmian", "钟棉"])
def test_zhong_mianmian(query):
    assert matches(query, "钟棉棉")


def test_zhong_mianmian_is_not_pan_jianxin():
    assert not matches("zmm", PAN)
    assert not matches("pjx", "钟棉棉")


@pytest.mark.parametrize(("query", "name"), [
    ("shan", "单丽"), ("dan", "单丽"), ("sl", "单丽"), ("dl", "单丽"), ("shanli", "单丽"),
    ("zeng", "曾强"), ("zq", "曾强"), ("zengqiang", "曾强"),
])
def test_every_reading_of_a_polyphonic_surname_counts(query, name):
    assert matches(query, name)


def test_a_polyphonic_reading_does_not_match_other_syllables():
    assert not matches("xl", "单丽")
    assert not matches("zl", "曾强")


@pytest.mark.parametrize("query", ["Wei", "wei", "liu", "Liu Wei", "liuwei", "LIU WEI", "lw",
                                   "liuw", "lwei"])
def test_english_names_match_by_their_words(query):
    assert matches(query, "Liu Wei")


@pytest.mark.parametrize("query", ["wl", "weiliu", "lx", "iw"])
def test_english_names_do_not_match_out_of_order(query):
    assert not matches(query, "Liu Wei")


def test_english_words_are_one_syllable_each():
    assert syllables("Liu Wei") == (frozenset({"liu"}), frozenset({"wei"}))


def test_a_latin_word_does_not_break_into_letters_for_initials():
    # "cbd" is one word: it is typed as its beginning, not entered in the middle
    assert matches("elmcbd", "饿了么CBD骑士驿站")
    assert matches("cbdqs", "饿了么CBD骑士驿站")
    assert not matches("bdqs", "饿了么CBD骑士驿站")


def test_several_texts_any_of_them_matches():
    # a person found by the short name of their organization
    assert matches("szgh", PAN, "市总工会党组书记、副主席", "市总工会")
    assert matches("市总", PAN, "", "市总工会")
    assert matches("pjx", "", PAN)
    assert not matches("szgh", PAN, "团市委副书记", "团市委")
    assert not matches("szgh")


@pytest.mark.parametrize("query", ["", "   ", "-", "'·"])
def test_an_empty_query_matches_everything(query):
    assert matches(query, PAN)
    assert matches(query, "")
    assert matches(query)


def test_empty_texts_are_skipped():
    assert not matches("p", "", "")


@pytest.mark.parametrize("query", ["潘jx", "潘jianxin", "pan建新", "p建x", "潘J新", "建xin",
                                   "潘 jian", "cbd骑士", "CBD骑士驿站", "elmCBD骑士", "饿lmcbd"])
def test_mixed_chinese_and_latin_queries(query):
    assert matches(query, PAN, "饿了么CBD骑士驿站")


@pytest.mark.parametrize("query", ["潘xj", "jx潘", "建p", "新jx", "cbd驿士", "潘x新"])
def test_mixed_queries_keep_the_order_of_syllables(query):
    assert not matches(query, PAN, "饿了么CBD骑士驿站")


def test_digits_and_punctuation():
    assert matches("2h", "2号楼")
    assert matches("xiaoge", "“小哥加油站”社区青年汇")
    assert matches("xgjyz", "“小哥加油站”社区青年汇")
    assert matches("“小哥", "“小哥加油站”社区青年汇")


def test_normalize_query_drops_separators_and_case():
    assert normalize_query(" Pan-Jian'Xin ·Wei_ ") == "panjianxinwei"
    assert normalize_query("潘 建新") == "潘建新"
