-- Used by pages and figures for Dutch labels of every closed list (themes, ladder, statuses).
select
    vocabulary.vocabulary,
    vocabulary.code,
    vocabulary.label_nl,
    vocabulary.sort_order,
    vocabulary.description_nl
from marts.mart_vocabulary as vocabulary
order by vocabulary.vocabulary, vocabulary.sort_order
