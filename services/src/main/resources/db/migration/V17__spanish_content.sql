-- Spanish versions of the texts sponsor staff write for patients (issue 14): the title, the
-- summaries, the FAQ and each treatment group's label and description. Empty means "show English".
ALTER TABLE trial ADD COLUMN brief_title_es VARCHAR(300);
ALTER TABLE trial ADD COLUMN plain_summary_es VARCHAR(20000);
ALTER TABLE trial ADD COLUMN groups_summary_es VARCHAR(20000);
ALTER TABLE trial ADD COLUMN eligibility_summary_es VARCHAR(20000);

CREATE TABLE trial_faq_es (
  trial_id BIGINT NOT NULL REFERENCES trial (id),
  position INTEGER NOT NULL,
  question VARCHAR(500) NOT NULL,
  answer   VARCHAR(20000) NOT NULL,
  PRIMARY KEY (trial_id, position)
);

ALTER TABLE arm_group ADD COLUMN label_es VARCHAR(300);
ALTER TABLE arm_group ADD COLUMN description_es VARCHAR(2000);
